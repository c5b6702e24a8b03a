"""Buggy: a class standardises its inputs (integer grid coordinates, 12 points, XOR-like
quadrants) inside `forward`, into `np.zeros_like(X)`: X holds ints, so the standardised
values are truncated to -1, 0 or 1 and points of both classes land on the same inputs
(2-4-1 tanh, sigmoid output, mean BCE, full batch)."""

import numpy as np

import xorlab as xl

X = np.array(
    [[1, 2], [3, 1], [2, 4], [7, 8], [8, 6], [6, 7], [1, 7], [3, 8], [2, 6], [7, 1], [8, 3], [6, 2]]
)
y = np.array([[0]] * 6 + [[1]] * 6, dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class GridNet:
    def __init__(self, X, lr=0.5, seed=312):
        rng = np.random.default_rng(seed)
        self.mu, self.sd = X.mean(axis=0), X.std(axis=0)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def standardize(self, X):
        A = np.zeros_like(X)  # BUG
        A[:] = (X - self.mu) / self.sd
        return A

    def forward(self, X):
        self.a = self.standardize(X)
        self.h = np.tanh(self.a @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * self.a.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        GridNet(X), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "np.zeros_like(X) of integer inputs: the standardised values are truncated to ints",
    "fix": "A = np.zeros_like(X, dtype=float)",
}

if __name__ == "__main__":
    net = GridNet(X)
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
