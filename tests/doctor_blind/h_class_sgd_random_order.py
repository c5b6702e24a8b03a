"""Healthy: a class trained one sample at a time, in a random order each epoch, in place."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class XorNet:
    def __init__(self, seed=1, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr
        self.order = np.random.default_rng(seed + 100)

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train_epoch(self, X, y):
        for i in self.order.permutation(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            out = self.forward(x)
            d2 = out - t  # BCE through the sigmoid, one sample
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


# --- the adaptation to the doctor (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        XorNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: per-sample SGD in a random order on the BCE is correct",
}

if __name__ == "__main__":
    net = XorNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
