"""Bug: a class trained in mini-batches of 2 over 8 points (XOR's corners and a seeded
jittered copy), 2-4-1 tanh, sigmoid output, mean BCE. The batch loop rebinds the names it
slices, `X, y = X[s : s + 2], y[s : s + 2]`: after the first batch X holds 2 rows, and every
later slice is empty."""

import numpy as np

import xorlab as xl

corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([corners, corners + np.random.default_rng(40).normal(0, 0.1, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
EPOCHS = 800


# --- the learner's code ---
class BatchNet:
    def __init__(self, lr=0.5, seed=41):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)

    def epoch(self, X, y):
        for s in range(0, len(X), 2):
            X, y = X[s : s + 2], y[s : s + 2]  # BUG
            self.step(X, y)


def doctor_case():
    return xl.adapt(
        BatchNet(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the batch loop rebinds X and y to the batch: only the first 2 samples are trained",
    "fix": "xb, yb = X[s : s + 2], y[s : s + 2]; self.step(xb, yb)",
}

if __name__ == "__main__":
    net = BatchNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
