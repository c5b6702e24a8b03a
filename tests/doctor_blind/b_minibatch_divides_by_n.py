"""Bug: mini-batches of 2 whose error is divided by the data set's size, not the batch's."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 4, dtype=float)  # 16 samples
y = np.array([[0], [1], [1], [0]] * 4, dtype=float)
EPOCHS = 500


# --- the learner's code ---
class MiniBatchNet:
    def __init__(self, seed=21, lr=1.0, batch=2):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.batch = lr, batch
        self.n_total = None

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def epoch(self, X, y):
        n = len(X)
        for start in range(0, n, self.batch):
            xb, yb = X[start : start + self.batch], y[start : start + self.batch]
            d2 = (self.forward(xb) - yb) / n  # n is the whole data set, not len(xb)
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        MiniBatchNet(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "each batch's mean uses the data set size n: steps n / batch = 8 times too small",
    "fix": "d2 = (out - yb) / len(xb)",
}

if __name__ == "__main__":
    net = MiniBatchNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    print(np.round(net.forward(X[:4]).ravel(), 3))
