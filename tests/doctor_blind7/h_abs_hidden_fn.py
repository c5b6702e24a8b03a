"""Healthy, unusual: plain functions, direct `xl.doctor`. XOR with absolute-value hidden
units |z| (derivative sign(z)), 2-4-1, sigmoid output, mean BCE, full batch."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 0.5
EPOCHS = 500


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "V": rng.normal(0, 1, (2, 4)),
        "c": rng.normal(0, 0.1, 4),
        "w": rng.normal(0, 1, (4, 1)),
        "d": np.zeros(1),
    }


def forward(p, X):
    z = X @ p["V"] + p["c"]
    h = np.abs(z)
    return z, h, 1 / (1 + np.exp(-(h @ p["w"] + p["d"])))


def predict(p, X):
    return forward(p, X)[2]


def bce(p):
    out = predict(p, X)
    return -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))


def backprop(p):
    z, h, out = forward(p, X)
    e = (out - y) / len(X)
    dz = e @ p["w"].T * np.sign(z)
    return {"V": X.T @ dz, "c": dz.sum(0), "w": h.T @ e, "d": e.sum(0)}


def doctor_case():
    return dict(
        params=init(), loss=bce, grad=backprop, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = backprop(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
