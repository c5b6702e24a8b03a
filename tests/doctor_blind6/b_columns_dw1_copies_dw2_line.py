"""Bug: samples as columns, and W1's gradient written by copying the line above it,
dW1 = dZ1 @ A1.T (the hidden activations) where dZ1 @ X.T belongs. With 2 inputs and 2 hidden
units both are (2, 2), so nothing complains. Class, 2-2-1 per the classic XOR net, sigmoid
hidden and output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
y = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 3000
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class ClassicXor:
    def __init__(self, lr=2.0, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 2))
        self.b1 = np.zeros((2, 1))
        self.W2 = rng.normal(0, 1, (1, 2))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.A1 = sigmoid(self.W1 @ X + self.b1)
        return sigmoid(self.W2 @ self.A1 + self.b2)

    def train(self, X, Y):
        m = X.shape[1]
        dZ2 = (self.forward(X) - Y) / m
        dW2 = dZ2 @ self.A1.T
        dZ1 = (self.W2.T @ dZ2) * self.A1 * (1 - self.A1)
        dW1 = dZ1 @ self.A1.T  # BUG
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * dZ2.sum(axis=1, keepdims=True)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * dZ1.sum(axis=1, keepdims=True)


def doctor_case():
    return xl.adapt(
        ClassicXor(), KEYS, "train", X, y, predict="forward", lr="lr", columns=True, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "dW1 = dZ1 @ A1.T (copied from dW2's line) for dZ1 @ X.T; both (2, 2)",
    "fix": "dW1 = dZ1 @ X.T",
}

if __name__ == "__main__":
    net = ClassicXor()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
