"""Bug: the hidden bias gradient is not summed over the batch; b1 silently becomes (n, h)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class BatchNet:
    def __init__(self, seed=4, lr=2.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros((1, 3))
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 = self.W2 - self.lr * self.h.T @ d2
        self.b2 = self.b2 - self.lr * d2.sum(axis=0, keepdims=True)
        self.W1 = self.W1 - self.lr * X.T @ d1
        self.b1 = self.b1 - self.lr * d1  # should be d1.sum(axis=0, keepdims=True)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        BatchNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "b1 -= lr * d1 without summing over samples: b1 becomes one bias per sample",
    "fix": "self.b1 -= self.lr * d1.sum(axis=0, keepdims=True)",
}

if __name__ == "__main__":
    net = BatchNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(net.b1.shape, np.round(net.forward(X).ravel(), 3))
