"""Bug: a class whose hidden weights are drawn as one column and tiled across the units,
`np.tile(rng.normal(0, 1, (2, 1)), (1, 4))` (the learner meant a (2, 4) draw): every hidden
unit starts identical, with equal biases, and stays so. 2-4-1 tanh, sigmoid output, mean BCE,
full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class TiledNet:
    def __init__(self, lr=0.5, seed=48):
        rng = np.random.default_rng(seed)
        self.W1 = np.tile(rng.normal(0, 1, (2, 1)), (1, 4))  # BUG
        self.b1 = np.zeros(4)
        self.W2 = np.full((4, 1), 0.5)
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TiledNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "W1 tiled from one random column: all hidden units identical, symmetric forever",
    "fix": "self.W1 = rng.normal(0, 1, (2, 4))",
}

if __name__ == "__main__":
    net = TiledNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
