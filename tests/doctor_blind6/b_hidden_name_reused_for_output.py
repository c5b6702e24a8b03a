"""Bug: one variable name reused: `a = sigmoid(X @ W1 + b1)` then `a = sigmoid(a @ W2 + b2)`,
so the backward pass reads the OUTPUT where it means the hidden activations. The shapes
still broadcast: a.T @ d is (1, 1) and is subtracted from every entry of W2 (4, 1), and
a * (1 - a) (4, 1) broadcasts over the hidden units. Dict + train function, mean BCE, XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(seed=25):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def forward(p, X):
    a = sigmoid(X @ p["W1"] + p["b1"])
    a = sigmoid(a @ p["W2"] + p["b2"])
    return a


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    a = sigmoid(X @ p["W1"] + p["b1"])
    a = sigmoid(a @ p["W2"] + p["b2"])  # BUG
    delta = (a - y) / len(X)
    d_hidden = (delta @ p["W2"].T) * a * (1 - a)
    p["W2"] -= p["lr"] * a.T @ delta
    p["b2"] -= p["lr"] * delta.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d_hidden
    p["b1"] -= p["lr"] * d_hidden.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "hidden activations overwritten by the output (one name `a` for both)",
    "fix": "keep the hidden layer as `h` and use it in the backward pass",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
