"""Bug: the output error is written y - out, and the update still subtracts: it climbs."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    def __init__(self, seed=0, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        out = self.forward(X)
        err = (y - out) / len(X)
        d1 = (err @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ err
        self.b2 -= self.lr * err.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(Net(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "output error y - out with a subtracting update: every step climbs the loss",
    "fix": "err = (out - y) / n (or keep y - out and add the update)",
}

if __name__ == "__main__":
    net = Net()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(np.round(net.forward(X).ravel(), 3))
