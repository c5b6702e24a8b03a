"""Bug: the output weights' gradient uses the hidden layer's DERIVATIVE instead of its
activation: dW2 = (h * (1 - h)).T @ d2 where h.T @ d2 belongs (the learner reuses the
"sigmoid_prime" array computed for the hidden delta). Class, 2-4-1, sigmoid hidden and
output, mean BCE, full batch on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class PrimeNet:
    def __init__(self, lr=2.0, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        sigmoid_prime = self.h * (1 - self.h)
        d1 = (d2 @ self.W2.T) * sigmoid_prime
        self.W2 -= self.lr * sigmoid_prime.T @ d2  # BUG
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(PrimeNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "dW2 computed from the hidden derivative h (1 - h), not the activation h",
    "fix": "self.h.T @ d2",
}

if __name__ == "__main__":
    net = PrimeNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
