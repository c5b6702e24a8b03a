"""Healthy: a class that works on one sample at a time as 1-D vectors: weights stored
(units, inputs), z = W1 @ x + b1, gradients as np.outer(delta, x). Sigmoid hidden and output,
BCE, XOR with flat targets y (4,) (forward returns (n, 1))."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)
EPOCHS = 1500
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class VectorNet:
    def __init__(self, lr=0.5, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (4, 2))
        self.b1 = np.zeros(4)
        self.W2 = rng.uniform(-1, 1, 4)
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        return np.array([sigmoid(self.W2 @ sigmoid(self.W1 @ x + self.b1) + self.b2) for x in X])

    def train(self, X, y):
        for x, t in zip(X, y):
            h = sigmoid(self.W1 @ x + self.b1)
            out = sigmoid(self.W2 @ h + self.b2)
            d_out = out - t
            d_h = d_out * self.W2 * h * (1 - h)
            self.W2 -= self.lr * d_out * h
            self.b2 -= self.lr * d_out
            self.W1 -= self.lr * np.outer(d_h, x)
            self.b1 -= self.lr * d_h


def doctor_case():
    return xl.adapt(VectorNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = VectorNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out.ravel() - y).max():.3f}")
