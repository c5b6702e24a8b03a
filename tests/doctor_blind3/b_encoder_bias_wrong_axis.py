"""Bug: a 4-2-4 encoder (one-hot in, the same one-hot out) with sigmoid outputs and mean BCE;
the output bias gradient sums over the outputs (axis=1) instead of the samples (axis=0). With
4 samples and 4 outputs the shapes agree, so nothing complains. Dict and a train function."""

import numpy as np

import xorlab as xl

X = np.eye(4)
y = np.eye(4)
EPOCHS = 3000


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


def init(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (4, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 4)),
        "b2": np.zeros(4),
    }


def predict(p, X):
    return sig(sig(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def train(p, X, Y, lr=2.0):
    h = sig(X @ p["W1"] + p["b1"])
    out = sig(h @ p["W2"] + p["b2"])
    d2 = (out - Y) / len(X)
    d1 = d2 @ p["W2"].T * h * (1 - h)
    p["W2"] -= lr * h.T @ d2
    p["b2"] -= lr * d2.sum(axis=1)  # BUG: the samples are axis 0
    p["W1"] -= lr * X.T @ d1
    p["b1"] -= lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the output bias gradient sums over the outputs (axis=1), not the samples",
    "fix": "p['b2'] -= lr * d2.sum(axis=0)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out, 2))
    print(f"max error {np.abs(out - y).max():.3f}")
