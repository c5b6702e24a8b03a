"""Buggy: a class that works with samples as columns inside, but takes the data set in rows;
its training method converts with X.reshape(2, -1) where X.T was meant. reshape keeps the
memory order, so the columns are (0,1), (0,0), (0,1), (1,1): two samples swapped their
inputs, and (0,1) now appears with both labels. `predict` converts with .T, correctly.
Sigmoid hidden layer, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ColumnsInside:
    def __init__(self, seed=6, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1.5, (4, 2))
        self.b1 = np.zeros((4, 1))
        self.W2 = rng.normal(0, 1.5, (1, 4))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def predict(self, X):  # X: (n, 2) -> (n, 1)
        h = sigmoid(self.W1 @ X.T + self.b1)
        return sigmoid(self.W2 @ h + self.b2).T

    def train(self, X, y):  # X: (n, 2), y: (n, 1)
        A = X.reshape(2, -1)  # BUG
        T = y.reshape(1, -1)
        h = sigmoid(self.W1 @ A + self.b1)
        e = (sigmoid(self.W2 @ h + self.b2) - T) / A.shape[1]
        back = (self.W2.T @ e) * h * (1 - h)
        self.W2 -= self.lr * e @ h.T
        self.b2 -= self.lr * e.sum(axis=1, keepdims=True)
        self.W1 -= self.lr * back @ A.T
        self.b1 -= self.lr * back.sum(axis=1, keepdims=True)


def doctor_case():
    return xl.adapt(
        ColumnsInside(), "W1 b1 W2 b2", "train", X, y, predict="predict", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "X.reshape(2, -1) used as a transpose: the training inputs are scrambled",
    "fix": "A = X.T",
}

if __name__ == "__main__":
    net = ColumnsInside()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.predict(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
