"""Bug: the update loop runs over a hand-typed list of keys, ("W1", "W2"), that leaves the
biases out: the bias gradients are computed but never applied, so the biases stay at their
zero start. With tanh hidden units and an input (0, 0) the output there is pinned at 0.5.
Dict + train function, 2-4-1, sigmoid output, mean BCE, full batch on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=35):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def gradients(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def train(p, X, y):
    g = gradients(p, X, y)
    for k in ("W1", "W2"):  # BUG
        p[k] -= p["lr"] * g[k]


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": 'update loop over ("W1", "W2") only: biases never updated',
    "fix": "loop over every key, biases included",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
