"""Bug: prints the BCE but backpropagates the squared error's output delta."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MixedNet:
    def __init__(self, seed=8, lr=2.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def cost(self, X, y):
        p = self.forward(X)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) * out * (1 - out) / len(X)  # the squared error's delta, not the BCE's
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation: the printed loss is the method `cost` ---
def doctor_case():
    return xl.adapt(
        MixedNet(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        loss="cost",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "BCE printed, halved-MSE delta (out - y) * out * (1 - out) backpropagated",
    "fix": "d2 = (out - y) / n for the BCE (or print the squared error it descends)",
}

if __name__ == "__main__":
    net = MixedNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(net.cost(X, y), np.round(net.forward(X).ravel(), 3))
