"""Healthy: a class trained one sample at a time in a fixed order; the tanh derivative is
written as 1 / cosh(z)**2 (from the cached pre-activation) instead of 1 - tanh(z)**2: a
different but equal formula. Sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class CoshNet:
    def __init__(self, seed=4, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = np.tanh(self.z)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_epoch(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = (d2 @ self.W2.T) / np.cosh(self.z) ** 2
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        CoshNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: 1 / cosh(z)**2 is the derivative of tanh, written another way",
}

if __name__ == "__main__":
    net = CoshNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
