"""Bug: plain functions in the cs231n style and a direct `xl.doctor` call, three classes of
2-D points (9 points), 2-8-3 tanh, softmax cross-entropy. The backward pass builds its one-hot
targets from the network's own predictions, `np.eye(3)[probs.argmax(axis=1)]`, for the labels."""

import numpy as np

centres = np.array([[0.0, 1.0], [-1.0, -0.5], [1.0, -0.5]])
X = np.repeat(centres, 3, axis=0) + np.random.default_rng(45).normal(0, 0.2, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
N = len(X)
LR, EPOCHS = 0.5, 600


# --- the learner's code ---
def init(seed=46):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 8)),
        "b1": np.zeros(8),
        "W2": rng.normal(0, 1, (8, 3)),
        "b2": np.zeros(3),
    }


def forward(p, X):
    hidden = np.tanh(X @ p["W1"] + p["b1"])
    scores = hidden @ p["W2"] + p["b2"]
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return hidden, e / e.sum(axis=1, keepdims=True)


def predict(p, X):
    return forward(p, X)[1]


def loss(p):
    return float(-np.log(predict(p, X)[np.arange(N), labels]).mean())


def grad(p):
    hidden, probs = forward(p, X)
    onehot = np.eye(3)[probs.argmax(axis=1)]  # BUG
    dscores = (probs - onehot) / N
    dhidden = dscores @ p["W2"].T * (1 - hidden**2)
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
    "bug": "the one-hot targets are built from the predictions, not from the labels",
    "fix": "np.eye(3)[labels]",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - Y).max():.3f}")
