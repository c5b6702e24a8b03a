"""Bug: a class trained one sample at a time in a random order (its own seeded generator),
XOR, 2-4-1 tanh, sigmoid output, BCE. The loop `for i, idx in enumerate(order)` takes the
input `X[idx]` but the target `y[i]`: inputs and targets are paired anew each epoch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500


# --- the learner's code ---
class ShuffledNet:
    def __init__(self, lr=0.5, seed=1):
        self.rng = np.random.default_rng(seed)
        self.W1 = self.rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros((1, 4))
        self.W2 = self.rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def sgd_step(self, x, t):
        out = self.forward(x)
        d2 = out - t
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2
        self.W1 -= self.lr * x.T @ d1
        self.b1 -= self.lr * d1

    def train_epoch(self, X, y):
        order = self.rng.permutation(len(X))
        for i, idx in enumerate(order):
            self.sgd_step(X[idx : idx + 1], y[i : i + 1])  # BUG


def doctor_case():
    return xl.adapt(
        ShuffledNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "input X[idx] trained against target y[i] (the loop counter, not the shuffled "
    "index): pairs broken every epoch",
    "fix": "self.sgd_step(X[idx : idx + 1], y[idx : idx + 1])",
}

if __name__ == "__main__":
    net = ShuffledNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
