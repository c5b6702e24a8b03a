"""Buggy: a class with RMSProp, one sample at a time, whose step is g / sqrt(cache) with no
epsilon. The first sample is x = (0, 0): the gradient of W1 is exactly 0 there, its cache is
0, and 0 / 0 makes W1 NaN at the very first update. tanh hidden layer, sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 400
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class RMSNet:
    def __init__(self, seed=2, lr=0.01):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.rho = lr, 0.9
        self.cache = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_epoch(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            grads = {"W1": x.T @ d1, "b1": d1[0], "W2": self.h.T @ d2, "b2": d2[0]}
            for k, g in grads.items():
                self.cache[k] = self.rho * self.cache[k] + (1 - self.rho) * g**2
                param = getattr(self, k)
                param -= self.lr * g / np.sqrt(self.cache[k])  # BUG


def doctor_case():
    return xl.adapt(
        RMSNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "RMSProp without epsilon: 0 / 0 = NaN wherever a gradient entry and its cache are 0",
    "fix": "param -= self.lr * g / (np.sqrt(self.cache[k]) + 1e-8)",
}

if __name__ == "__main__":
    net = RMSNet()
    with np.errstate(invalid="ignore"):
        for _ in range(EPOCHS):
            net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
