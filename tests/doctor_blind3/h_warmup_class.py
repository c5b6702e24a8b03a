"""Healthy: a class whose learning rate warms up linearly over its first 200 epochs (a step
counter in the object), then stays at its base value; mean BCE, relu hidden layer."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class WarmupNet:
    def __init__(self, seed=3, lr=0.5, warmup=200):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 6))
        self.b1 = np.full(6, 0.1)
        self.W2 = rng.normal(0, 0.5, (6, 1))
        self.b2 = np.zeros(1)
        self.lr, self.warmup, self.t = lr, warmup, 0

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.maximum(self.z1, 0)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        self.t += 1
        rate = self.lr * min(1.0, self.t / self.warmup)
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (self.z1 > 0)
        self.W2 -= rate * self.h.T @ d2
        self.b2 -= rate * d2.sum(axis=0)
        self.W1 -= rate * X.T @ d1
        self.b1 -= rate * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        WarmupNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: a linear learning-rate warm-up is a schedule, not a bug",
}

if __name__ == "__main__":
    net = WarmupNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
