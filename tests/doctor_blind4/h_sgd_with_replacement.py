"""Healthy: a class whose epoch is n draws WITH replacement (a sample may come twice, another
not at all), one update per draw; the random generator lives in the object, seeded. Sigmoid
hidden layer of 4, sigmoid output, BCE per sample."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class BootstrapSGD:
    def __init__(self, seed=8, lr=0.8):
        self.rng = np.random.default_rng(seed)
        self.W1 = self.rng.normal(0, 2, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = self.rng.normal(0, 2, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def epoch(self, X, y):
        for i in self.rng.integers(0, len(X), size=len(X)):
            x, t = X[[i]], y[[i]]
            d2 = self.forward(x) - t
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        BootstrapSGD(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: sampling with replacement is a correct stochastic gradient",
}

if __name__ == "__main__":
    net = BootstrapSGD()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
