"""Healthy: samples as columns (X (2, 4)), 2-8-1 ReLU, sigmoid output, BCE, a class with a
step schedule (the rate halves every 300 epochs, counted on the object), weights (units,
inputs), full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
y = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 900


# --- the learner's code ---
class ColumnNet:
    def __init__(self, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (8, 2))
        self.b1 = np.full((8, 1), 0.1)
        self.W2 = rng.normal(0, 0.5, (1, 8))
        self.b2 = np.zeros((1, 1))
        self.lr = lr
        self.epoch = 0

    def forward(self, X):
        self.Z1 = self.W1 @ X + self.b1
        self.A1 = np.maximum(self.Z1, 0)
        return 1 / (1 + np.exp(-(self.W2 @ self.A1 + self.b2)))

    def train(self, X, y):
        A2 = self.forward(X)
        m = X.shape[1]
        dZ2 = (A2 - y) / m
        dZ1 = (self.W2.T @ dZ2) * (self.Z1 > 0)
        self.W2 -= self.lr * dZ2 @ self.A1.T
        self.b2 -= self.lr * dZ2.sum(axis=1, keepdims=True)
        self.W1 -= self.lr * dZ1 @ X.T
        self.b1 -= self.lr * dZ1.sum(axis=1, keepdims=True)
        self.epoch += 1
        if self.epoch % 300 == 0:
            self.lr *= 0.5


def doctor_case():
    return xl.adapt(
        ColumnNet(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = ColumnNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
