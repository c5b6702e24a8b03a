"""Bug: the inputs sliced from the data table as `data[:, :1]` for `data[:, :2]`: only the
first input reaches the network, and XOR cannot be told from it (class, 1-4-1 tanh after the
slip, sigmoid output, mean BCE, full batch)."""

import numpy as np

import xorlab as xl

data = np.array([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], dtype=float)
X, y = data[:, :1], data[:, 2:]  # BUG
EPOCHS = 1500


# --- the learner's code ---
class TableNet:
    def __init__(self, n_in, lr=1.0, seed=123):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (n_in, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TableNet(X.shape[1]),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "X = data[:, :1] keeps one input column of two",
    "fix": "X = data[:, :2]",
}

if __name__ == "__main__":
    net = TableNet(X.shape[1])
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
