"""Bug: labels kept as a flat (4,) vector while the output is (4, 1): out - y broadcasts
to (4, 4), in the gradient and in the printed loss alike."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)  # (4,)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class FlatLabels:
    def __init__(self, seed=1, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train(self, X, y):
        p = self.forward(X)
        err = p - y  # (4, 1) - (4,) -> (4, 4)
        d2 = (2 * err.mean(axis=1, keepdims=True) * p * (1 - p)) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        FlatLabels(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "y (4,) against outputs (4, 1): every output is pulled to mean(y) = 0.5; no fit",
    "fix": "y = y.reshape(-1, 1)",
}

if __name__ == "__main__":
    net = FlatLabels()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(net.loss(X, y), np.round(net.forward(X).ravel(), 3))
