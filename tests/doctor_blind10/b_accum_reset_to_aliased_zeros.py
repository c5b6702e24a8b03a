"""Buggy: a class that accumulates per-sample gradients over the epoch and takes one averaged
step; its accumulators are "reset" to stored zero arrays, but without a copy, so `+=` writes
into those zeros and the sums are never reset: every epoch adds all earlier ones (2-3-1 tanh,
sigmoid output, mean BCE, `(1, d)` rows, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
class AccumulatingNet:
    def __init__(self, lr=1.0, seed=301):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr
        self.zeros = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        acc = {k: z for k, z in self.zeros.items()}  # BUG: the stored arrays, not copies
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            acc["W2"] += self.h.T @ d2
            acc["b2"] += d2.sum(axis=0)
            acc["W1"] += x.T @ d1
            acc["b1"] += d1.sum(axis=0)
        self.W2 -= self.lr * acc["W2"] / len(X)
        self.b2 -= self.lr * acc["b2"] / len(X)
        self.W1 -= self.lr * acc["W1"] / len(X)
        self.b1 -= self.lr * acc["b1"] / len(X)


def doctor_case():
    return xl.adapt(
        AccumulatingNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the accumulators alias the stored zeros: `+=` fills them, so they are never reset",
    "fix": "start each epoch from copies: {k: z.copy() for k, z in self.zeros.items()}",
}

if __name__ == "__main__":
    net = AccumulatingNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
