"""Healthy: dict + train function, two hidden layers of leaky ReLU (slope 0.1 below 0), a
linear output with squared error, XOR trained one sample at a time in a fixed order."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300
KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
ALPHA = 0.1


# --- the learner's code ---
def init(seed=4):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.zeros(6),
        "W2": rng.normal(0, 0.5, (6, 6)),
        "b2": np.zeros(6),
        "W3": rng.normal(0, 0.5, (6, 1)),
        "b3": np.zeros(1),
        "lr": 0.05,
    }


def leaky(z):
    return np.where(z > 0, z, ALPHA * z)


def leaky_slope(z):
    return np.where(z > 0, 1.0, ALPHA)


def forward(p, X):
    a1 = leaky(X @ p["W1"] + p["b1"])
    a2 = leaky(a1 @ p["W2"] + p["b2"])
    return a2 @ p["W3"] + p["b3"]


def mse(p, X, y):
    return float(np.mean((forward(p, X) - y) ** 2))


def train(p, X, y):
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        z1 = x @ p["W1"] + p["b1"]
        a1 = leaky(z1)
        z2 = a1 @ p["W2"] + p["b2"]
        a2 = leaky(z2)
        out = a2 @ p["W3"] + p["b3"]
        d3 = 2 * (out - t)
        d2 = (d3 @ p["W3"].T) * leaky_slope(z2)
        d1 = (d2 @ p["W2"].T) * leaky_slope(z1)
        p["W3"] -= p["lr"] * a2.T @ d3
        p["b3"] -= p["lr"] * d3.sum(axis=0)
        p["W2"] -= p["lr"] * a1.T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * x.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, loss=mse, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
