"""Buggy: a class with ReLU hidden units (2-6-1, sigmoid output, mean BCE, one sample at a time
with `(1, d)` rows, a tiny 2-D set: 8 points on two rings) takes the ReLU's slope from its
output, `self.h >= 0`: a ReLU's output is never negative, so the mask is 1 everywhere and
dead units get a gradient as if they were linear."""

import numpy as np

import xorlab as xl

_a = np.linspace(0, 2 * np.pi, 4, endpoint=False)
X = np.vstack([0.3 * np.c_[np.cos(_a), np.sin(_a)], np.c_[np.cos(_a + 0.8), np.sin(_a + 0.8)]])
y = np.array([[1]] * 4 + [[0]] * 4, dtype=float)
EPOCHS = 600


# --- the learner's code ---
class RingNet:
    def __init__(self, lr=0.1, seed=328):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 6)), np.full(6, 0.1)
        self.W2, self.b2 = rng.normal(0, 1, (6, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.maximum(X @ self.W1 + self.b1, 0)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = d2 @ self.W2.T * (self.h >= 0)  # BUG
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        RingNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the ReLU mask self.h >= 0 is 1 everywhere: dead units get a linear unit's gradient",
    "fix": "self.h > 0",
}

if __name__ == "__main__":
    net = RingNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
