"""Healthy, unusual: a class whose rate follows cosine annealing with warm restarts (SGDR):
it falls from 2.0 to 0.1 over 200 epochs, then jumps back to 2.0 (2-3-1 sigmoid hidden
units, sigmoid output, mean BCE, full batch, XOR). The jumps up are on purpose."""

import math

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1200
PERIOD = 200


# --- the learner's code ---
class RestartNet:
    def __init__(self, lr=2.0, lr_min=0.1, seed=217):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1.5, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1.5, (3, 1)), np.zeros(1)
        self.lr, self.lr_max, self.lr_min = lr, lr, lr_min
        self.epoch = 0

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
        self.epoch += 1
        phase = (self.epoch % PERIOD) / PERIOD  # back to 0 at every restart
        span = self.lr_max - self.lr_min
        self.lr = self.lr_min + 0.5 * span * (1 + math.cos(math.pi * phase))


def doctor_case():
    return xl.adapt(
        RestartNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = RestartNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
