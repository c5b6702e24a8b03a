"""Bug: mini-batches drawn at random with `rng.integers(0, len(X) - 1, 2)`: numpy's high end is
exclusive, so the last sample is never drawn (class with its generator, batches of 2, two
per epoch, 2-4-1 tanh, sigmoid output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class RandomBatchNet:
    def __init__(self, lr=0.5, seed=144):
        self.rng = np.random.default_rng(seed)
        self.W1, self.b1 = self.rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = self.rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def epoch(self, X, y):
        for _ in range(len(X) // 2):
            idx = self.rng.integers(0, len(X) - 1, 2)  # BUG
            xb, yb = X[idx], y[idx]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        RandomBatchNet(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "rng.integers(0, len(X) - 1, 2) never draws the last sample (high is exclusive)",
    "fix": "idx = self.rng.integers(0, len(X), 2)",
}

if __name__ == "__main__":
    net = RandomBatchNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
