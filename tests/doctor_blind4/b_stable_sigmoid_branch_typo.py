"""Buggy: a class with a hand-made "numerically stable" sigmoid at the output, e = exp(-|z|),
1 / (1 + e) for z >= 0 and e / (1 + e) below; the second branch was pasted from the first and
reads 1 / (1 + e) too, so the output is sigmoid(|z|) >= 0.5 and a target 0 is out of reach.
tanh hidden layer, BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def stable_sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), 1 / (1 + e))  # BUG


class StableNet:
    def __init__(self, seed=3, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return stable_sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        StableNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the stable sigmoid's branch for z < 0 returns 1 / (1 + e) instead of e / (1 + e)",
    "fix": "return np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
}

if __name__ == "__main__":
    net = StableNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
