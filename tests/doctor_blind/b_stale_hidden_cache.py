"""Bug: per-sample updates that read hidden activations cached at the start of the epoch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class CachedNet:
    def __init__(self, seed=7, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        return sigmoid(sigmoid(X @ self.W1 + self.b1) @ self.W2 + self.b2)

    def train_epoch(self, X, y):
        H = sigmoid(X @ self.W1 + self.b1)  # "computed once for speed": stale after a step
        for i in range(len(X)):
            x, h, t = X[i : i + 1], H[i : i + 1], y[i : i + 1]
            out = sigmoid(h @ self.W2 + self.b2)
            d2 = out - t
            d1 = (d2 @ self.W2.T) * h * (1 - h)
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        CachedNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "hidden activations H computed once per epoch, stale after the first update",
    "fix": "compute h from the current W1, b1 inside the per-sample loop",
}

if __name__ == "__main__":
    net = CachedNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
