"""Healthy, unusual: a class whose hidden layer is stepped at twice the output layer's rate,
written as a factor of the one rate `self.lr` (2-3-1 tanh, sigmoid output, mean BCE, full
batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class TwoRateNet:
    def __init__(self, lr=0.4, seed=105):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def fit_epoch(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        # the hidden layer learns faster: twice the rate
        self.W1 -= 2.0 * self.lr * X.T @ d1
        self.b1 -= 2.0 * self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TwoRateNet(), "W1 b1 W2 b2", "fit_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = TwoRateNet()
    for _ in range(EPOCHS):
        net.fit_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
