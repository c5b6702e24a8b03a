"""Bug: a per-sample class that standardises its inputs, fitting the mean and spread on each
batch: with batches of one sample, x - mean(x) is 0, so training sees the input (0, 0)
every time. `forward` (used to predict) uses the training set's statistics, as meant.
Sigmoid hidden and output, BCE on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


class ScaledNet:
    def __init__(self, X, lr=0.5, seed=7):
        rng = np.random.default_rng(seed)
        self.mu, self.sd = X.mean(axis=0), X.std(axis=0)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        Z = (X - self.mu) / self.sd
        return sig(sig(Z @ self.W1 + self.b1) @ self.W2 + self.b2)

    def train(self, X, y):
        for i in range(len(X)):
            xb, t = X[i : i + 1], y[i : i + 1]
            zb = (xb - xb.mean(axis=0)) / (xb.std(axis=0) + 1e-8)  # BUG
            h = sig(zb @ self.W1 + self.b1)
            d2 = sig(h @ self.W2 + self.b2) - t
            d1 = (d2 @ self.W2.T) * h * (1 - h)
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * zb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        ScaledNet(X), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "inputs standardised per batch of one sample: every training input becomes 0",
    "fix": "zb = (xb - self.mu) / self.sd (the training set's statistics)",
}

if __name__ == "__main__":
    net = ScaledNet(X)
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
