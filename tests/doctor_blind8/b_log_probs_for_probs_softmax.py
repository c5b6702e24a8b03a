"""Bug: plain functions in the cs231n style and a direct `xl.doctor` call: three classes of
2-D points (9 points), 2-8-3 ReLU, softmax cross-entropy computed through log-softmax. The
score gradient starts from the log-probabilities (`dscores = log_probs.copy()`) instead of
the probabilities."""

import numpy as np

centres = np.array([[0.0, 1.0], [-1.0, -0.5], [1.0, -0.5]])
X = np.repeat(centres, 3, axis=0) + np.random.default_rng(30).normal(0, 0.2, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
N = len(X)
LR, EPOCHS = 0.5, 600


# --- the learner's code ---
def init(seed=31):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 8)),
        "b1": np.full(8, 0.1),
        "W2": rng.normal(0, 0.5, (8, 3)),
        "b2": np.zeros(3),
    }


def scores_of(p, X):
    hidden = np.maximum(0, X @ p["W1"] + p["b1"])
    return hidden, hidden @ p["W2"] + p["b2"]


def log_softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def predict(p, X):
    return np.exp(log_softmax(scores_of(p, X)[1]))


def loss(p):
    return float(-log_softmax(scores_of(p, X)[1])[np.arange(N), labels].mean())


def grad(p):
    hidden, scores = scores_of(p, X)
    log_probs = log_softmax(scores)
    dscores = log_probs.copy()  # BUG
    dscores[np.arange(N), labels] -= 1
    dscores /= N
    dhidden = dscores @ p["W2"].T
    dhidden[hidden <= 0] = 0
    return {
        "W1": X.T @ dhidden,
        "b1": dhidden.sum(axis=0),
        "W2": hidden.T @ dscores,
        "b2": dscores.sum(axis=0),
    }


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=Y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the score gradient starts from log-probabilities, not probabilities",
    "fix": "dscores = np.exp(log_probs)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - Y).max():.3f}")
