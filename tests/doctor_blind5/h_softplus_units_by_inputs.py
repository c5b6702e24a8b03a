"""Healthy: a class that takes rows of data but stores its weights as (units, inputs), like
a textbook's W x, so the forward pass is X @ W.T. Softplus hidden layer (its derivative is
the sigmoid), sigmoid output, mean BCE on OR-but-not-AND (XOR), full batch.
For the doctor: case["columns"] = None, as the adapter's docs say for this layout."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class SoftplusNet:
    def __init__(self, units=5, lr=1.0, seed=11):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0, 1, (units, 2))  # one row per hidden unit
        self.c = np.zeros(units)
        self.V = rng.normal(0, 1, (1, units))  # one row per output
        self.d = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W.T + self.c
        self.h = np.logaddexp(0, self.z)  # softplus
        return sigmoid(self.h @ self.V.T + self.d)

    def learn(self, X, y):
        e = (self.forward(X) - y) / len(X)  # (n, 1)
        back = (e @ self.V) * sigmoid(self.z)  # softplus' = sigmoid
        self.V -= self.lr * e.T @ self.h
        self.d -= self.lr * e.sum(axis=0)
        self.W -= self.lr * back.T @ X
        self.c -= self.lr * back.sum(axis=0)


def doctor_case():
    case = xl.adapt(
        SoftplusNet(), "W c V d", "learn", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )
    case["columns"] = None
    return case


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: weights (units, inputs) with X @ W.T, and softplus' = sigmoid",
}

if __name__ == "__main__":
    net = SoftplusNet()
    for _ in range(EPOCHS):
        net.learn(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
