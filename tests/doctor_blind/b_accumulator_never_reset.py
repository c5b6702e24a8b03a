"""Bug: mini-batch gradients are accumulated in the object and the sums are never reset."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class AccumNet:
    def __init__(self, seed=6, lr=0.5, batch=2):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.batch = lr, batch
        self.gW1, self.gb1 = np.zeros_like(self.W1), np.zeros_like(self.b1)
        self.gW2, self.gb2 = np.zeros_like(self.W2), np.zeros_like(self.b2)

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train_epoch(self, X, y):
        for start in range(0, len(X), self.batch):
            xb, yb = X[start : start + self.batch], y[start : start + self.batch]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.gW2 += self.h.T @ d2  # the accumulators are never set back to zero
            self.gb2 += d2.sum(axis=0)
            self.gW1 += xb.T @ d1
            self.gb1 += d1.sum(axis=0)
            self.W2 -= self.lr * self.gW2
            self.b2 -= self.lr * self.gb2
            self.W1 -= self.lr * self.gW1
            self.b1 -= self.lr * self.gb1


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        AccumNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "gradient accumulators gW*, gb* never reset: each step applies the sum of all past",
    "fix": "set the accumulators to zero before each mini-batch (or do not accumulate)",
}

if __name__ == "__main__":
    net = AccumNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
