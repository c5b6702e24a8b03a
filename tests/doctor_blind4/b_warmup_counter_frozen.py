"""Buggy: a class with a linear learning-rate warm-up, rate = lr * min(1, t / warmup); the
method counts its epochs in `self.epoch` but never advances `self.t`, which the warm-up
reads, so the rate is 0 forever. Leaky-ReLU hidden layer, sigmoid output, mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1200


# --- the learner's code ---
class WarmNet:
    def __init__(self, seed=7, lr=0.5, warmup=100):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 5))
        self.b1 = np.full(5, 0.1)
        self.W2 = rng.normal(0, 0.5, (5, 1))
        self.b2 = np.zeros(1)
        self.lr, self.warmup = lr, warmup
        self.t = 0  # steps taken, for the warm-up
        self.epoch = 0  # for printing

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.where(self.z1 > 0, self.z1, 0.05 * self.z1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        rate = self.lr * min(1.0, self.t / self.warmup)
        self.epoch += 1  # BUG
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * np.where(self.z1 > 0, 1.0, 0.05)
        self.W2 -= rate * self.h.T @ d2
        self.b2 -= rate * d2.sum(axis=0)
        self.W1 -= rate * X.T @ d1
        self.b1 -= rate * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        WarmNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the warm-up reads self.t, which is never incremented: the rate stays 0",
    "fix": "self.t += 1 in train_step (before computing the rate, or after)",
}

if __name__ == "__main__":
    net = WarmNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
