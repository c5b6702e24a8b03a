"""Bug: per-sample class with an ELU hidden layer whose derivative below 0 is written
`elu(z)` (that is alpha (e^z - 1), negative) instead of `alpha e^z`. Sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
ALPHA = 1.0


# --- the learner's code ---
def elu(z):
    return np.where(z > 0, z, ALPHA * (np.exp(np.minimum(z, 0)) - 1))


class EluNet:
    def __init__(self, lr=0.3, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = elu(self.z)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def elu_slope(self):
        return np.where(self.z > 0, 1.0, elu(self.z))  # BUG

    def train_epoch(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = (d2 @ self.W2.T) * self.elu_slope()
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        EluNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "ELU derivative below 0 written elu(z) = alpha (e^z - 1) instead of alpha e^z",
    "fix": "np.where(self.z > 0, 1.0, ALPHA * np.exp(np.minimum(self.z, 0)))",
}

if __name__ == "__main__":
    net = EluNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
