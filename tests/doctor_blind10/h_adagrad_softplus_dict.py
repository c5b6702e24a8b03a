"""Healthy: a dict of arrays with a `train(p, X, y)` function, AdaGrad with its accumulated
squares nested in the dict (`p["G"]`), softplus hidden units (2-4-1, sigmoid output, mean
BCE), on XOR with a jittered copy (8 points)."""

import numpy as np

import xorlab as xl

_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([_xor, _xor + np.random.default_rng(21).normal(0, 0.05, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=202):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.5)
    p["G"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    z = X @ p["W1"] + p["b1"]
    h = np.logaddexp(0, z)  # softplus
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))), z, h


def predict(p, X):
    return forward(p, X)[0]


def train(p, X, y):
    out, z, h = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T / (1 + np.exp(-z))  # softplus' is the sigmoid
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    for k in KEYS:
        p["G"][k] += g[k] ** 2
        p[k] -= p["lr"] * g[k] / (np.sqrt(p["G"][k]) + 1e-8)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
