"""Bug: train_step back-propagates from the activations the last forward() call stored,
but never calls forward() itself; only the first forward (at construction) ever ran."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class CachedNet:
    def __init__(self, X, seed=18, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr
        self.first = self.forward(X)  # "to show the untrained outputs"

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(self.h @ self.W2 + self.b2)
        return self.out

    def train_step(self, X, y):
        d2 = (self.out - y) / len(X)  # self.out and self.h from the last forward()
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def doctor_case():
    return xl.adapt(
        CachedNet(X),
        "W1 b1 W2 b2",
        "train_step",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "activations cached by the first forward() are reused forever: stale, no fit",
    "fix": "call self.forward(X) at the start of train_step",
}

if __name__ == "__main__":
    net = CachedNet(X)
    with np.errstate(over="ignore"):
        for _ in range(EPOCHS):
            net.train_step(X, y)
        print(np.round(net.forward(X).ravel(), 3))
