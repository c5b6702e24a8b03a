"""Healthy: a class trained full batch on a tiny circle-vs-ring set (6 points inside at
radius 0.5 labelled 1, 6 on a ring at radius 1.5 labelled 0). 2-8-1 tanh, sigmoid output,
mean BCE, samples as rows, updates in place."""

import numpy as np

import xorlab as xl

angles = np.linspace(0, 2 * np.pi, 6, endpoint=False)
inner = 0.5 * np.c_[np.cos(angles), np.sin(angles)]
outer = 1.5 * np.c_[np.cos(angles + 0.5), np.sin(angles + 0.5)]
X = np.vstack([inner, outer])
y = np.r_[np.ones(6), np.zeros(6)].reshape(-1, 1)
EPOCHS = 1500


# --- the learner's code ---
class RingNet:
    def __init__(self, hidden=8, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = rng.normal(0, 1, (hidden, 1))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def fit_epoch(self, X, y):
        out = self.forward(X)
        dz2 = (out - y) / len(X)
        dz1 = dz2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ dz2
        self.b2 -= self.lr * dz2.sum(axis=0, keepdims=True)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0, keepdims=True)


def doctor_case():
    return xl.adapt(
        RingNet(), "W1 b1 W2 b2", "fit_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = RingNet()
    for _ in range(EPOCHS):
        net.fit_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
