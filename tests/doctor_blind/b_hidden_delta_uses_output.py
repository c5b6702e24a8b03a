"""Bug: the hidden error is multiplied by the *output's* derivative out * (1 - out)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    def __init__(self, seed=20, lr=2.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(self.h @ self.W2 + self.b2)
        return self.out

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * out * (1 - out)  # should be self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(Net(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "hidden delta uses out * (1 - out) instead of h * (1 - h)",
    "fix": "d1 = (d2 @ W2.T) * h * (1 - h)",
}

if __name__ == "__main__":
    net = Net()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(np.round(net.forward(X).ravel(), 3))
