"""Bug (cs231n style, plain functions, direct `xl.doctor`): the softmax cross-entropy's score
gradient divided by the probabilities, `(probs - Y) / probs`: the gradient of no loss, which
grows without bound as a true class's probability falls, until the run is NaN (three
classes of 2-D points, 9 points, 2-8-3 ReLU)."""

import numpy as np

_centres = np.array([[0.0, 1.0], [1.0, -0.5], [-1.0, -0.5]])
X = np.repeat(_centres, 3, axis=0) + np.random.default_rng(22).normal(0, 0.2, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
EPOCHS = 500
LR = 0.5


# --- the learner's code ---
def init(seed=122):
    rng = np.random.default_rng(seed)
    return {
        "W1": 0.5 * rng.normal(0, 1, (2, 8)),
        "b1": np.zeros(8),
        "W2": 0.5 * rng.normal(0, 1, (8, 3)),
        "b2": np.zeros(3),
    }


def predict(p, Z):
    hidden = np.maximum(0, Z @ p["W1"] + p["b1"])
    s = hidden @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def loss(p):
    probs = predict(p, X)
    return float(-np.log(probs[np.arange(len(X)), labels]).mean())


def grad(p):
    hidden = np.maximum(0, X @ p["W1"] + p["b1"])
    probs = predict(p, X)
    dscores = (probs - Y) / probs  # BUG
    dscores /= len(X)
    dhidden = dscores @ p["W2"].T
    dhidden[hidden <= 0] = 0
    return {
        "W1": X.T @ dhidden,
        "b1": dhidden.sum(axis=0),
        "W2": hidden.T @ dscores,
        "b2": dscores.sum(axis=0),
    }


def doctor_case():
    return {
        "params": init(),
        "loss": loss,
        "grad": grad,
        "X": X,
        "y": Y,
        "predict": predict,
        "lr": LR,
        "epochs": EPOCHS,
    }


EXPECTED = {
    "healthy": False,
    "bug": "dscores = (probs - Y) / probs: the gradient of no loss, the run ends in NaN",
    "fix": "dscores = probs - Y",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - Y).max():.3f}")
