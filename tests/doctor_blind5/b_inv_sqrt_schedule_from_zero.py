"""Bug: a class with an inverse-square-root schedule, lr0 / sqrt(t), whose step counter
starts at 0: the first rate is lr0 / 0 = inf, and the weights are inf/NaN after one
update. The gradient is right. ReLU hidden, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class DecayingNet:
    def __init__(self, lr0=2.0, seed=28):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 8))
        self.b1 = np.full(8, 0.1)
        self.W2 = rng.normal(0, 0.5, (8, 1))
        self.b2 = np.zeros(1)
        self.lr0, self.t = lr0, 0

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = np.maximum(0, self.z)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        lr = self.lr0 / np.sqrt(self.t)  # BUG
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (self.z > 0)
        self.W2 -= lr * self.h.T @ d2
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * X.T @ d1
        self.b1 -= lr * d1.sum(axis=0)
        self.t += 1


def doctor_case():
    return xl.adapt(
        DecayingNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr0", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "lr0 / sqrt(t) with t starting at 0: an infinite first step",
    "fix": "lr = self.lr0 / np.sqrt(self.t + 1)",
}

if __name__ == "__main__":
    net = DecayingNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
