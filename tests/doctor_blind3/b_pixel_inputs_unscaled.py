"""Bug: XOR on grey levels: the inputs are 0 or 255 and the learner forgot to divide by 255,
so the tanh hidden units saturate from the start (class, mean BCE, full batch)."""

import numpy as np

import xorlab as xl

PIXELS = np.array([[0, 0], [0, 255], [255, 0], [255, 255]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
X = PIXELS  # BUG: X = PIXELS / 255 was meant
EPOCHS = 1500


# --- the learner's code ---
class PixelNet:
    def __init__(self, seed=4, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        PixelNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "inputs of size 255 (not normalised) saturate the tanh units from the start",
    "fix": "X = PIXELS / 255",
}

if __name__ == "__main__":
    net = PixelNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
