"""Bug: the hidden bias gradient summed over the wrong axis, d1.sum(axis=1): with 4 samples
and 4 hidden units it has the shape of b1, so b1[j] gets the summed delta of SAMPLE j.
Class, samples as rows, 2-4-1, sigmoid hidden and output, mean BCE, full batch on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class RowNet:
    def __init__(self, lr=2.0, seed=32):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=1)  # BUG


def doctor_case():
    return xl.adapt(RowNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "hidden bias gradient d1.sum(axis=1) (over units) for axis=0 (n = hidden width = 4)",
    "fix": "d1.sum(axis=0)",
}

if __name__ == "__main__":
    net = RowNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
