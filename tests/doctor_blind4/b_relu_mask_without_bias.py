"""Buggy: dict + train function, mini-batches of 2; the forward pass caches a = X W1 BEFORE
the bias is added, and the backward pass builds the ReLU mask from it, (a > 0), instead of
from z = a + b1: wherever the bias moves z across 0 the mask is wrong. ReLU hidden layer of
4, sigmoid output, mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.full(4, 0.1),
        "W2": rng.normal(0, 0.5, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X, cache=None):
    a = X @ p["W1"]
    h = np.maximum(a + p["b1"], 0)
    if cache is not None:
        cache.update(a=a, h=h)
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    for s in range(0, len(X), 2):
        xb, yb, c = X[s : s + 2], y[s : s + 2], {}
        d2 = (forward(p, xb, c) - yb) / len(xb)
        d1 = (d2 @ p["W2"].T) * (c["a"] > 0)  # BUG
        p["W2"] -= p["lr"] * c["h"].T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * xb.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the ReLU mask is taken from X @ W1 before the bias: (a > 0) instead of (a + b1 > 0)",
    "fix": "d1 = (d2 @ W2.T) * (a + b1 > 0), i.e. the mask of the pre-activation with its bias",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
