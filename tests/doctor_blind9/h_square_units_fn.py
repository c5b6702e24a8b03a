"""Healthy, unusual: plain functions and a direct `xl.doctor` call; the hidden units square
their input (z**2, derivative 2z), 2-2-1, sigmoid output, mean BCE, the default step."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
LR = 0.5


# --- the learner's code ---
def init(seed=103):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    z = Z @ p["W1"] + p["b1"]
    h = z**2
    return z, h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return forward(p, Z)[2]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    z, h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * 2 * z
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return {
        "params": init(),
        "loss": loss,
        "grad": grad,
        "X": X,
        "y": y,
        "predict": predict,
        "lr": LR,
        "epochs": EPOCHS,
    }


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
