"""Buggy: a class initialised the way some tutorials do for big networks, 0.01 * randn, which
on a 2-3-1 tanh net puts XOR at its saddle: every output stays at 0.5 for far longer than
the run. Sigmoid output, mean BCE, full batch. The gradient is right."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class SmallStart:
    def __init__(self, seed=0, lr=0.5, scale=0.01):  # BUG
        rng = np.random.default_rng(seed)
        self.W1 = scale * rng.standard_normal((2, 3))
        self.b1 = np.zeros(3)
        self.W2 = scale * rng.standard_normal((3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SmallStart(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "initial weights 0.01 * randn: the run starts at XOR's saddle and never leaves it",
    "fix": "scale=1.0 (weights of order 1 for a 2-3-1 net)",
}

if __name__ == "__main__":
    net = SmallStart()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
