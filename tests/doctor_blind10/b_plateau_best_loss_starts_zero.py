"""Buggy: a class with a reduce-on-plateau schedule (halve the rate after 5 epochs without a
new best loss) whose best loss starts at 0.0 where `float("inf")` was meant: no loss is ever
below it, so the rate halves every 5 epochs and is gone in a hundred (3-bit parity, 3-6-1
tanh, sigmoid output, mean BCE, full batch)."""

import numpy as np

import xorlab as xl

X = np.array([[(i >> b) & 1 for b in range(3)] for i in range(8)], dtype=float)
y = X.sum(axis=1, keepdims=True) % 2
EPOCHS = 1500


# --- the learner's code ---
class PlateauNet:
    def __init__(self, lr=0.5, patience=5, seed=308):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1.5, (3, 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0, 1, (6, 1)), np.zeros(1)
        self.lr, self.patience = lr, patience
        self.best, self.wait = 0.0, 0  # BUG

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))
        if loss < self.best:
            self.best, self.wait = loss, 0
        else:
            self.wait += 1
            if self.wait >= self.patience:
                self.lr, self.wait = self.lr * 0.5, 0
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        PlateauNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the best loss starts at 0.0: no epoch improves on it, the rate halves every 5 epochs",
    "fix": 'self.best = float("inf")',
}

if __name__ == "__main__":
    net = PlateauNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
