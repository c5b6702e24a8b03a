"""Bug: a 4-2-4 encoder (dict of arrays, functions) whose "stable" softmax subtracts the
max of each column (over the samples, axis=0) instead of each row's: a shift that differs
between the classes changes every row's probabilities. Sigmoid hidden layer, delta P - Y,
full batch."""

import numpy as np

import xorlab as xl

X = np.eye(4)
Y = np.eye(4)
EPOCHS = 1500


# --- the learner's code ---
def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))  # BUG
    return e / e.sum(axis=1, keepdims=True)


def init(seed=17):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (4, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 4)),
        "b2": np.zeros(4),
        "lr": 2.0,
    }


def forward(p, X):
    h = 1 / (1 + np.exp(-(X @ p["W1"] + p["b1"])))
    return softmax(h @ p["W2"] + p["b2"])


def train(p, X, Y):
    h = 1 / (1 + np.exp(-(X @ p["W1"] + p["b1"])))
    dz = (softmax(h @ p["W2"] + p["b2"]) - Y) / len(X)
    dh = (dz @ p["W2"].T) * h * (1 - h)
    p["W2"] -= p["lr"] * h.T @ dz
    p["b2"] -= p["lr"] * dz.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ dh
    p["b1"] -= p["lr"] * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, Y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "softmax shifted by each column's max (axis=0), not each row's",
    "fix": "e = np.exp(z - z.max(axis=1, keepdims=True))",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
