"""Bug: the weights initialised by a helper returning rng.normal(0, 1) * np.ones(shape): ONE
random number (no size given) broadcast over the matrix. Every hidden unit starts identical,
gets the same gradient and stays a copy of the others. Class, 2-4-1, tanh hidden, sigmoid
output, mean BCE, full batch on XOR. The gradient is right."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class OnesNet:
    def __init__(self, lr=1.0, seed=34):
        self.rng = np.random.default_rng(seed)
        self.W1 = self.init_weights((2, 4))
        self.b1 = np.zeros(4)
        self.W2 = self.init_weights((4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def init_weights(self, shape):
        return self.rng.normal(0, 1) * np.ones(shape)  # BUG

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(OnesNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "rng.normal(0, 1) * np.ones(shape): one number for every weight, identical units",
    "fix": "rng.normal(0, 1, shape)",
}

if __name__ == "__main__":
    net = OnesNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
