"""Healthy, unusual: a class with GELU hidden units (the tanh approximation, with its exact
derivative), 2-4-1, sigmoid output, mean BCE, one sample at a time in a random order drawn
from a generator kept on the object (seeded)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
C = np.sqrt(2 / np.pi)


# --- the learner's code ---
def gelu(z):
    return 0.5 * z * (1 + np.tanh(C * (z + 0.044715 * z**3)))


def gelu_slope(z):
    t = np.tanh(C * (z + 0.044715 * z**3))
    return 0.5 * (1 + t) + 0.5 * z * (1 - t**2) * C * (1 + 3 * 0.044715 * z**2)


class GeluNet:
    def __init__(self, lr=0.5, seed=16):
        self.rng = np.random.default_rng(seed)
        self.W1, self.b1 = self.rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = self.rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = gelu(self.z)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def sgd_epoch(self, X, y):
        for i in self.rng.permutation(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = d2 @ self.W2.T * gelu_slope(self.z)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        GeluNet(), "W1 b1 W2 b2", "sgd_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = GeluNet()
    for _ in range(EPOCHS):
        net.sgd_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
