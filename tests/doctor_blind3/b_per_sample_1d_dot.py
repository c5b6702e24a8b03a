"""Bug: a per-sample class indexing samples as 1-D rows (x = X[i], shape (2,)); the output
layer uses np.outer, but the hidden layer's x.T @ d1 on two 1-D arrays of length 2 is a dot
product, a scalar, which is subtracted from every entry of W1. Squared error, sigmoid units."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


class PerSample:
    def __init__(self, seed=1, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 2))
        self.b1 = np.zeros(2)
        self.W2 = rng.normal(0, 1, (2, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sig(X @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        for i in range(len(X)):
            x, t = X[i], y[i]  # (2,), (1,)
            out = self.forward(x)
            d2 = (out - t) * out * (1 - out)  # (1,)
            d1 = (self.W2 @ d2) * self.h * (1 - self.h)  # (2,)
            self.W2 -= self.lr * np.outer(self.h, d2)
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * x.T @ d1  # BUG: a scalar; np.outer(x, d1)
            self.b1 -= self.lr * d1


def doctor_case():
    return xl.adapt(
        PerSample(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "x.T @ d1 on 1-D arrays is a dot product: every entry of W1 gets the same update",
    "fix": "self.W1 -= self.lr * np.outer(x, d1)",
}

if __name__ == "__main__":
    net = PerSample()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
