"""Bug: a Glorot-uniform start typed `rng.uniform(-limit, -limit, shape)`: every weight is
the same number, so every hidden unit is a copy of the others (class, 2-4-1 tanh, sigmoid
output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-limit, -limit, (fan_in, fan_out))  # BUG


class GlorotNet:
    def __init__(self, lr=1.0, seed=120):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = glorot(rng, 2, 4), np.zeros(4)
        self.W2, self.b2 = glorot(rng, 4, 1), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        GlorotNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "uniform(-limit, -limit): a constant start, symmetric hidden units",
    "fix": "rng.uniform(-limit, limit, (fan_in, fan_out))",
}

if __name__ == "__main__":
    net = GlorotNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
