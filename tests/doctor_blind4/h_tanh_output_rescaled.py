"""Healthy: dict + train function; the output probability is (1 + tanh(z)) / 2 instead of a
sigmoid (the same as sigmoid(2z)), so the mean BCE's delta is 2 (p - y) / n, written that way.
Leaky-ReLU hidden layer (slope 0.1), full batch, its own printed loss."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def make_params(seed=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.full(4, 0.1),
        "W2": rng.normal(0, 0.5, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.3,
    }


def leaky(z):
    return np.where(z > 0, z, 0.1 * z)


def forward(p, X):
    h = leaky(X @ p["W1"] + p["b1"])
    return (1 + np.tanh(h @ p["W2"] + p["b2"])) / 2


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    z1 = X @ p["W1"] + p["b1"]
    h = leaky(z1)
    out = (1 + np.tanh(h @ p["W2"] + p["b2"])) / 2
    d2 = 2 * (out - y) / len(X)  # p = sigmoid(2z): dL/dz = 2 (p - y)
    d1 = (d2 @ p["W2"].T) * np.where(z1 > 0, 1.0, 0.1)
    p["W2"] -= p["lr"] * h.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        make_params(),
        "W1 b1 W2 b2",
        train,
        X,
        y,
        predict=forward,
        loss=bce,
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: (1 + tanh z) / 2 is sigmoid(2z), and its BCE delta is 2 (p - y) / n",
}

if __name__ == "__main__":
    p = make_params()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
