"""Buggy: a class trained one sample at a time with 1-D vectors keeps its output weights as a
column `W2` (3, 1) and works on `w2 = self.W2.flatten()`, thinking it a view; `flatten`
copies, so `w2 -= ...` never reaches `W2` (2-3-1 tanh, sigmoid output, BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class PerSampleNet:
    def __init__(self, lr=0.5, seed=334):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 0.1, (3, 1)), 0.0
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.W2.ravel() + self.b2)))

    def train(self, X, y):
        for x, t in zip(X, y):
            w2 = self.W2.flatten()  # BUG: a copy, not a view
            h = np.tanh(x @ self.W1 + self.b1)
            out = 1 / (1 + np.exp(-(h @ w2 + self.b2)))
            d2 = out - t
            d1 = d2 * w2 * (1 - h**2)
            w2 -= self.lr * d2 * h
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * np.outer(x, d1)
            self.b1 -= self.lr * d1


def doctor_case():
    return xl.adapt(
        PerSampleNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "w2 = self.W2.flatten() is a copy: the output weights never move",
    "fix": "w2 = self.W2.ravel() (a view of the contiguous column), or update self.W2",
}

if __name__ == "__main__":
    net = PerSampleNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
