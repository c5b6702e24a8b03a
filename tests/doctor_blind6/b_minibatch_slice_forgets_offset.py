"""Bug: a mini-batch slice typed X[start:BATCH] for X[start:start + BATCH]: the first batch is
samples 0 and 1, the second X[2:2] is empty (its update is 0), so samples 2 and 3 are never
trained on. Class, 2-4-1,
sigmoid hidden and output, mean BCE, plain SGD on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
BATCH = 2
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class BatchNet:
    def __init__(self, lr=1.0, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def epoch(self, X, y):
        for start in range(0, len(X), BATCH):
            xb, yb = X[start:BATCH], y[start:BATCH]  # BUG
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(BatchNet(), KEYS, "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "mini-batch slice X[start:BATCH]: second batch empty, samples 2 and 3 never trained",
    "fix": "xb, yb = X[start : start + BATCH], y[start : start + BATCH]",
}

if __name__ == "__main__":
    net = BatchNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
