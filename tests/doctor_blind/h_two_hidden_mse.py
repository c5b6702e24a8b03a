"""Healthy: two hidden sigmoid layers (2-4-4-1), mean squared error, a class in place."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 4000


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


class DeepNet:
    def __init__(self, seed=10, lr=2.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 4)), np.zeros(4)
        self.W3, self.b3 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h1 = sig(X @ self.W1 + self.b1)
        self.h2 = sig(self.h1 @ self.W2 + self.b2)
        self.out = sig(self.h2 @ self.W3 + self.b3)
        return self.out

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train(self, X, y):
        out = self.forward(X)
        d3 = 2 * (out - y) / len(X) * out * (1 - out)
        d2 = (d3 @ self.W3.T) * self.h2 * (1 - self.h2)
        d1 = (d2 @ self.W2.T) * self.h1 * (1 - self.h1)
        self.W3 -= self.lr * self.h2.T @ d3
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * self.h1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation: the printed loss is the method `loss` ---
def doctor_case():
    return xl.adapt(
        DeepNet(),
        "W1 b1 W2 b2 W3 b3",
        "train",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: every delta is computed before any weight changes",
}

if __name__ == "__main__":
    net = DeepNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(net.loss(X, y), np.round(net.forward(X).ravel(), 3))
