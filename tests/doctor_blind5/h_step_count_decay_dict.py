"""Healthy: a dict with a step counter, per-sample SGD in a fixed order, and a learning rate
set by step count: lr0 / 2 every 2000 steps (a staircase schedule), read from the dict's
starting rate. tanh hidden layer, sigmoid output, mean BCE on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def setup(seed=6):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr0": 0.5,
        "step": 0,
    }


def forward(d, X):
    h = np.tanh(X @ d["W1"] + d["b1"])
    return 1 / (1 + np.exp(-(h @ d["W2"] + d["b2"])))


def train(d, X, y):
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        h = np.tanh(x @ d["W1"] + d["b1"])
        out = 1 / (1 + np.exp(-(h @ d["W2"] + d["b2"])))
        dz = out - t
        dh = (dz @ d["W2"].T) * (1 - h**2)
        lr = d["lr0"] * 0.5 ** (d["step"] // 2000)
        d["W2"] -= lr * h.T @ dz
        d["b2"] -= lr * dz.sum(axis=0)
        d["W1"] -= lr * x.T @ dh
        d["b1"] -= lr * dh.sum(axis=0)
        d["step"] += 1


def doctor_case():
    return xl.adapt(setup(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr0", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the staircase halves the rate every 2000 steps, counted in the dict",
}

if __name__ == "__main__":
    d = setup()
    for _ in range(EPOCHS):
        train(d, X, y)
    out = forward(d, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
