"""Healthy: cs231n-style functions, direct `xl.doctor`. Three classes of 2-D points (three
points each), 2-16-3 ReLU, softmax cross-entropy, full batch, the default step."""

import numpy as np

rng = np.random.default_rng(3)
CENTRES = np.array([[1.0, 0.0], [-0.5, 0.87], [-0.5, -0.87]])
X = np.repeat(CENTRES, 3, axis=0) + rng.normal(0, 0.15, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
N = len(X)
LR = 1.0
EPOCHS = 600


# --- the learner's code ---
def init(seed=0):
    r = np.random.default_rng(seed)
    return {
        "W": 0.5 * r.normal(size=(2, 16)),
        "b": np.zeros((1, 16)),
        "W2": 0.5 * r.normal(size=(16, 3)),
        "b2": np.zeros((1, 3)),
    }


def forward(p, X):
    hidden = np.maximum(0, X @ p["W"] + p["b"])
    scores = hidden @ p["W2"] + p["b2"]
    exp = np.exp(scores - scores.max(axis=1, keepdims=True))
    return hidden, exp / exp.sum(axis=1, keepdims=True)


def predict(p, X):
    return forward(p, X)[1]


def data_loss(p):
    probs = predict(p, X)
    return -np.mean(np.log(probs[np.arange(N), labels]))


def backward(p):
    hidden, probs = forward(p, X)
    dscores = probs.copy()
    dscores[np.arange(N), labels] -= 1
    dscores /= N
    dhidden = dscores @ p["W2"].T
    dhidden[hidden <= 0] = 0
    return {
        "W2": hidden.T @ dscores,
        "b2": dscores.sum(axis=0, keepdims=True),
        "W": X.T @ dhidden,
        "b": dhidden.sum(axis=0, keepdims=True),
    }


def doctor_case():
    return dict(
        params=init(),
        loss=data_loss,
        grad=backward,
        X=X,
        y=Y,
        predict=predict,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = backward(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
