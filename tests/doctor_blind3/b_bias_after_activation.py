"""Bug: the forward pass adds the hidden bias after the activation, h = tanh(X W1) + b1, while
the backward pass treats it as inside (multiplies by 1 - tanh**2 for both W1 and b1).
Dict of arrays and a train function, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def init(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def hidden(p, X):
    return np.tanh(X @ p["W1"]) + p["b1"]  # BUG: np.tanh(X @ p["W1"] + p["b1"])


def predict(p, X):
    return 1 / (1 + np.exp(-(hidden(p, X) @ p["W2"] + p["b2"])))


def train(p, X, y, lr=1.0):
    t = np.tanh(X @ p["W1"])
    h = t + p["b1"]
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - t**2)
    p["W2"] -= lr * h.T @ d2
    p["b2"] -= lr * d2.sum(axis=0)
    p["W1"] -= lr * X.T @ d1
    p["b1"] -= lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the hidden bias is added after tanh, so the hidden units have no bias of their own",
    "fix": "h = np.tanh(X @ W1 + b1) (and t the same)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
