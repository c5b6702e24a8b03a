"""Buggy: a class computes the sigmoid slope in place on a name bound to its cached hidden
activations (`slope = self.h; slope *= 1 - self.h`), so `self.h` itself becomes h * (1 - h)
and the output layer's gradient is taken from it (2-3-1 sigmoid hidden units and output,
mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class CachedSigmoidNet:
    def __init__(self, lr=2.0, seed=311):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1.5, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1.5, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        slope = self.h  # BUG
        slope *= 1 - self.h
        d1 = d2 @ self.W2.T * slope
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        CachedSigmoidNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "slope = self.h aliases the cache: `*=` turns self.h into h * (1 - h), used for dW2",
    "fix": "slope = self.h * (1 - self.h) (a new array)",
}

if __name__ == "__main__":
    net = CachedSigmoidNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
