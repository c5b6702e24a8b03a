"""Healthy: float32 everywhere, mini-batches of 2 from a shuffled copy of XOR (8 samples)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 2, dtype=np.float32)
y = np.array([[0], [1], [1], [0]] * 2, dtype=np.float32)
EPOCHS = 1500


# --- the learner's code ---
class Float32Net:
    def __init__(self, seed=5, lr=0.5, batch=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4)).astype(np.float32)
        self.b1 = np.zeros(4, np.float32)
        self.W2 = rng.normal(0, 1, (4, 1)).astype(np.float32)
        self.b2 = np.zeros(1, np.float32)
        self.lr, self.batch = lr, batch
        self.shuffle = np.random.default_rng(seed)

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def epoch(self, X, y):
        idx = self.shuffle.permutation(len(X))
        for start in range(0, len(X), self.batch):
            rows = idx[start : start + self.batch]
            xb, yb = X[rows], y[rows]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        Float32Net(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: float32 mini-batch SGD on the mean BCE of each batch is correct",
}

if __name__ == "__main__":
    net = Float32Net()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    print(net.W1.dtype, np.round(net.forward(X[:4]).ravel(), 3))
