"""Bug: the hidden weights' update is stored as `self.w1` (lower case): a new attribute, and
the `W1` the forward pass reads never moves (class, 2-2-1 tanh, sigmoid output, mean BCE,
full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class SmallNet:
    def __init__(self, lr=1.0, seed=116):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 2)), np.zeros(2)
        self.W2, self.b2 = rng.normal(0, 1, (2, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 = self.W2 - self.lr * self.h.T @ d2
        self.b2 = self.b2 - self.lr * d2.sum(axis=0)
        self.w1 = self.W1 - self.lr * X.T @ d1  # BUG
        self.b1 = self.b1 - self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SmallNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the W1 update is assigned to self.w1, so W1 never changes",
    "fix": "self.W1 = self.W1 - self.lr * X.T @ d1",
}

if __name__ == "__main__":
    net = SmallNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
