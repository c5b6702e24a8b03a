"""Bug: leaky ReLU hidden layer whose derivative has the two slopes swapped
(0.01 where z > 0, 1 where z <= 0); per-sample updates in a class."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class LeakyNet:
    def __init__(self, seed=15, lr=0.1):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 6)), np.full(6, 0.1)
        self.W2, self.b2 = rng.normal(0, 0.5, (6, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        z = X @ self.W1 + self.b1
        h = np.where(z > 0, z, 0.01 * z)
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            z = x @ self.W1 + self.b1
            h = np.where(z > 0, z, 0.01 * z)
            p = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
            d2 = p - t
            d1 = (d2 @ self.W2.T) * np.where(z > 0, 0.01, 1.0)  # slopes swapped
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        LeakyNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "leaky-ReLU derivative slopes swapped: active units barely learn",
    "fix": "np.where(z > 0, 1.0, 0.01)",
}

if __name__ == "__main__":
    net = LeakyNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    print(np.round(net.forward(X).ravel(), 3))
