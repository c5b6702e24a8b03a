"""Bug: each epoch shuffles the inputs but not the labels with them."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ShuffledNet:
    def __init__(self, seed=1, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr
        self.rng = np.random.default_rng(seed + 1)

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train_epoch(self, X, y):
        Xs = X[self.rng.permutation(len(X))]  # y is not permuted with it
        for i in range(len(Xs)):
            x, t = Xs[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        ShuffledNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "inputs shuffled apart from their labels: every epoch trains on random pairs",
    "fix": "order = rng.permutation(n); use X[order] and y[order] together",
}

if __name__ == "__main__":
    net = ShuffledNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
