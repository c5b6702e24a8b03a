"""Healthy, unusual: Gaussian hidden units exp(-z**2) (derivative -2 z exp(-z**2)), 2-3-1,
sigmoid output, BCE, a class updating in place one sample at a time in a fixed order."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 400


# --- the learner's code ---
class GaussNet:
    def __init__(self, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = np.exp(-(self.z**2))
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_epoch(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            out = self.forward(x)
            delta = out - t
            dh = delta @ self.W2.T * (-2 * self.z * self.h)
            self.W2 -= self.lr * self.h.T @ delta
            self.b2 -= self.lr * delta[0]
            self.W1 -= self.lr * x.T @ dh
            self.b1 -= self.lr * dh[0]


def doctor_case():
    return xl.adapt(
        GaussNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = GaussNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
