"""Bug: leaky ReLU with its slope typed 1.0 for 0.01: max(alpha z, z) = z, the hidden layer
is linear and the network cannot learn XOR. Class, 2-8-1, sigmoid output, mean BCE, full
batch; forward and backward agree, so the gradient is right."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")
ALPHA = 1.0  # BUG


# --- the learner's code ---
class LeakyNet:
    def __init__(self, lr=0.5, seed=22):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0, 0.5, (8, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.maximum(ALPHA * self.z1, self.z1)
        return 1 / (1 + np.exp(-(self.a1 @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * np.where(self.z1 > 0, 1.0, ALPHA)
        self.W2 -= self.lr * self.a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(LeakyNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "leaky ReLU slope 1.0 (typed for 0.01): a linear hidden layer",
    "fix": "ALPHA = 0.01",
}

if __name__ == "__main__":
    net = LeakyNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
