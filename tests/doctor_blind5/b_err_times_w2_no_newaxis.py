"""Bug: targets and outputs kept as 1-D arrays (n,), and the hidden delta written
`err * W2` where `err[:, None] * W2` was meant. With n = 4 samples and 4 hidden units the
shapes agree, so numpy multiplies sample i's error by unit i's weight and broadcasts that
row over every sample. Dict of arrays, tanh hidden, sigmoid output, mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)  # (4,)
EPOCHS = 1000


# --- the learner's code ---
def init(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, 4),  # (4,): one output
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))  # (n,)


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    err = (out - y) / len(X)  # (n,)
    d1 = (err * p["W2"]) * (1 - h**2)  # BUG
    p["W2"] -= p["lr"] * h.T @ err
    p["b2"] -= p["lr"] * err.sum()
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "hidden delta err * W2 on 1-D err: sample i's error times unit i's weight",
    "fix": "d1 = (err[:, None] * p['W2']) * (1 - h**2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
