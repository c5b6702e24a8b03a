"""Healthy: a class trained one sample at a time with 1-D vectors (x (2,), h (3,), a 1-D
output weight w2 (3,) and a float output bias), tanh hidden units, a sigmoid output and the
halved squared error, XOR in a fixed order."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class VectorNet:
    def __init__(self, lr=1.0, seed=112):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.w2, self.b2 = rng.normal(0, 1, 3), 0.0
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.w2 + self.b2)))

    def train_epoch(self, X, y):
        for x, t in zip(X, y):
            h = np.tanh(x @ self.W1 + self.b1)
            out = 1 / (1 + np.exp(-(h @ self.w2 + self.b2)))
            d2 = (out - t) * out * (1 - out)
            d1 = d2 * self.w2 * (1 - h**2)
            self.w2 -= self.lr * d2 * h
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * np.outer(x, d1)
            self.b1 -= self.lr * d1


def doctor_case():
    return xl.adapt(
        VectorNet(), "W1 b1 w2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = VectorNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
