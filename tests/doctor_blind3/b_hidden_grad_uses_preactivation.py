"""Bug: the class caches the hidden pre-activation z1 and uses it where the activation belongs
in the output weights' gradient (z1.T @ d2 instead of relu(z1).T @ d2). ReLU hidden layer,
sigmoid output, mean BCE, mini-batches of 2."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class ReluNet:
    def __init__(self, seed=4, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 6))
        self.b1 = np.full(6, 0.1)
        self.W2 = rng.normal(0, 0.5, (6, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.maximum(0, self.z1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_epoch(self, X, y, batch=2):
        for s in range(0, len(X), batch):
            xb, yb = X[s : s + batch], y[s : s + batch]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = d2 @ self.W2.T * (self.z1 > 0)
            self.W2 -= self.lr * self.z1.T @ d2  # BUG: self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        ReluNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the output weights' gradient uses the pre-activation z1 instead of relu(z1)",
    "fix": "self.W2 -= self.lr * self.h.T @ d2",
}

if __name__ == "__main__":
    net = ReluNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
