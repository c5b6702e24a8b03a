"""Healthy: a class trained on label-smoothed targets (0.05 / 0.95) with mean BCE against
those targets; its printed loss (the `loss` method) uses the same smoothed targets."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class SmoothNet:
    def __init__(self, seed=1, lr=1.0, smooth=0.1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr, self.smooth = lr, smooth

    def soft(self, y):
        return y * (1 - self.smooth) + 0.5 * self.smooth

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def loss(self, X, y):
        t, p = self.soft(y), self.forward(X)
        return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))

    def train(self, X, y):
        p = self.forward(X)
        d2 = (p - self.soft(y)) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SmoothNet(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: label smoothing, with the smoothed targets in both the loss and the gradient",
}

if __name__ == "__main__":
    net = SmoothNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
