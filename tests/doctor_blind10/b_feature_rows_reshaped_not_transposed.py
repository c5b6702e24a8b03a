"""Buggy: the data table is typed one row per feature (x1, x2, target), and the learner turns
it into samples with `reshape(-1, 2)` instead of `.T`: the inputs are scrambled, two samples
get the same input with opposite targets (2-3-1 sigmoid hidden units and output, mean BCE, a
class trained full batch, XOR)."""

import numpy as np

import xorlab as xl

TABLE = np.array(
    [
        [0, 0, 1, 1],  # x1
        [0, 1, 0, 1],  # x2
        [0, 1, 1, 0],  # target
    ],
    dtype=float,
)
X = TABLE[:2].reshape(-1, 2)  # BUG
y = TABLE[2:].reshape(-1, 1)
EPOCHS = 2000


# --- the learner's code ---
class SigmoidNet:
    def __init__(self, lr=2.0, seed=303):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1.5, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1.5, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SigmoidNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the feature-row table reshaped to (4, 2) instead of transposed: inputs scrambled",
    "fix": "X = TABLE[:2].T",
}

if __name__ == "__main__":
    net = SigmoidNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
