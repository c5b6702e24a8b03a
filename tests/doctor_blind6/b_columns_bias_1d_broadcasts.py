"""Bug: samples as columns, Z1 = W1 @ X + b1 with b1 a 1-D array of 4 entries. With 4 hidden
units and 4 samples, numpy broadcasts b1 along the samples: b1[j] is added to every unit of
sample j, a per-sample offset, while the backward pass sums each unit's delta as if b1 were
(4, 1). Class, tanh hidden, sigmoid output, mean BCE, full batch on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
y = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class ColNet:
    def __init__(self, lr=1.0, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (4, 2))
        self.b1 = np.zeros(4)  # BUG
        self.W2 = rng.normal(0, 1, (1, 4))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.A1 = np.tanh(self.W1 @ X + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ self.A1 + self.b2)))

    def train(self, X, Y):
        m = X.shape[1]
        dZ2 = (self.forward(X) - Y) / m
        dZ1 = (self.W2.T @ dZ2) * (1 - self.A1**2)
        self.W2 -= self.lr * dZ2 @ self.A1.T
        self.b2 -= self.lr * dZ2.sum(axis=1, keepdims=True)
        self.W1 -= self.lr * dZ1 @ X.T
        self.b1 -= self.lr * dZ1.sum(axis=1)  # BUG


def doctor_case():
    return xl.adapt(
        ColNet(), KEYS, "train", X, y, predict="forward", lr="lr", columns=True, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "1-D hidden bias broadcast along the samples (n = hidden width = 4)",
    "fix": "b1 = np.zeros((4, 1)) and dZ1.sum(axis=1, keepdims=True)",
}

if __name__ == "__main__":
    net = ColNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
