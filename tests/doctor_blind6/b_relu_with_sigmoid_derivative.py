"""Bug: the hidden layer was switched from sigmoid to ReLU, but the backward pass still uses
the sigmoid's derivative h * (1 - h) of the activation (negative wherever h > 1). Dict +
train function, 2-6-1, sigmoid output, mean BCE, mini-batches of 2 on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=13):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.full(6, 0.1),
        "W2": rng.normal(0, 1, (6, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X):
    h = np.maximum(0, X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    for s in range(0, len(X), 2):
        xb, yb = X[s : s + 2], y[s : s + 2]
        h = np.maximum(0, xb @ p["W1"] + p["b1"])
        out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
        d2 = (out - yb) / len(xb)
        d1 = (d2 @ p["W2"].T) * h * (1 - h)  # BUG
        p["W2"] -= p["lr"] * h.T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * xb.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "ReLU hidden layer backpropagated with the sigmoid's derivative h * (1 - h)",
    "fix": "multiply by (h > 0)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
