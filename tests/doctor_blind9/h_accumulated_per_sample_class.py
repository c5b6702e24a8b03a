"""Healthy: a class that computes each sample's gradient with (1, d) rows, accumulates them
over the epoch and takes one averaged step at its end; 2-3-1 tanh, sigmoid output, mean BCE,
XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500

KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AccumNet:
    def __init__(self, lr=0.8, seed=114):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros((1, 3))
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        acc = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        for i in range(len(X)):
            x = X[i : i + 1]
            d2 = self.forward(x) - y[i : i + 1]
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            acc["W2"] += self.h.T @ d2
            acc["b2"] += d2
            acc["W1"] += x.T @ d1
            acc["b1"] += d1
        for k in KEYS:
            setattr(self, k, getattr(self, k) - self.lr * acc[k] / len(X))


def doctor_case():
    return xl.adapt(
        AccumNet(), list(KEYS), "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = AccumNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
