"""Bug: weights drawn with scale 10 ("bigger weights learn faster"): the sigmoid hidden
units start saturated, their derivatives are ~0, and training stalls."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class BigInit:
    def __init__(self, seed=22, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 10, (2, 3)), rng.normal(0, 10, 3)
        self.W2, self.b2 = rng.normal(0, 10, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        p = self.forward(X)
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        BigInit(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "initial weights of scale 10 saturate the hidden sigmoids; stuck, no fit",
    "fix": "draw the weights with scale ~1 (or 1/sqrt(fan_in))",
}

if __name__ == "__main__":
    net = BigInit()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(np.round(net.forward(X).ravel(), 3), np.round(net.h, 3).tolist())
