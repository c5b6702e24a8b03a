"""Buggy: a class with samples as columns draws random mini-batches of 2 through a helper
`draw(n, size, rng)` that calls `np.random.default_rng(rng)`; the class passes its stored
seed (an int) where its generator belongs, so every batch is drawn by a fresh generator of
the same seed: the same two samples every time, the other two never trained (2-4-1 tanh,
sigmoid output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)  # (2, 4): samples as columns
y = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def draw(n, size, rng):
    """`size` distinct column indices out of n; rng: a Generator (or a seed)."""
    return np.random.default_rng(rng).choice(n, size, replace=False)


class ColumnBatches:
    def __init__(self, lr=0.5, seed=306):
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.W1, self.b1 = self.rng.normal(0, 1, (4, 2)), np.zeros((4, 1))
        self.W2, self.b2 = self.rng.normal(0, 1, (1, 4)), np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):  # X: (2, m) -> (1, m)
        self.h = np.tanh(self.W1 @ X + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ self.h + self.b2)))

    def train(self, X, y):
        n = X.shape[1]
        for _ in range(n // 2):
            cols = draw(n, 2, self.seed)  # BUG
            xb, yb = X[:, cols], y[:, cols]
            d2 = (self.forward(xb) - yb) / 2
            d1 = self.W2.T @ d2 * (1 - self.h**2)
            self.W2 -= self.lr * d2 @ self.h.T
            self.b2 -= self.lr * d2.sum(axis=1, keepdims=True)
            self.W1 -= self.lr * d1 @ xb.T
            self.b1 -= self.lr * d1.sum(axis=1, keepdims=True)


def doctor_case():
    return xl.adapt(
        ColumnBatches(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "draw(n, 2, self.seed): a fresh generator per batch, two samples never drawn",
    "fix": "draw(n, 2, self.rng): the object's generator",
}

if __name__ == "__main__":
    net = ColumnBatches()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
