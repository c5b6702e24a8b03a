"""Bug: the tanh derivative is written 1 - tanh(z) instead of 1 - tanh(z)**2 (dict of arrays,
a train function, mean BCE)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "b2": np.zeros(1),
    }


def predict(p, X):
    return 1 / (1 + np.exp(-(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def train(p, X, y, lr=1.0):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h)  # BUG: tanh'(z) = 1 - tanh(z)**2
    p["W2"] -= lr * h.T @ d2
    p["b2"] -= lr * d2.sum(axis=0)
    p["W1"] -= lr * X.T @ d1
    p["b1"] -= lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the hidden derivative is 1 - h, not 1 - h**2",
    "fix": "d1 = d2 @ W2.T * (1 - h**2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
