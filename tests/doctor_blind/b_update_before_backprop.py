"""Bug: the output weights are updated first, and the hidden error uses the new W2."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class EagerNet:
    def __init__(self, seed=5, lr=2.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        self.W2 -= self.lr * self.h.T @ d2  # updated before the hidden error is computed
        self.b2 -= self.lr * d2.sum(axis=0)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        EagerNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "hidden layer backpropagates through the already-updated W2",
    "fix": "compute d1 from the old W2 before updating W2 and b2",
}

if __name__ == "__main__":
    net = EagerNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(np.round(net.forward(X).ravel(), 3))
