"""Bug: a decoupled weight decay written as a shrink factor, W *= DECAY after each update,
with DECAY typed 0.9 for 0.9999: the weights lose a tenth of their size every step and can
never grow large enough to fit. Class, 2-4-1, tanh hidden, sigmoid output, mean BCE, full
batch on XOR; the gradient is right."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")
DECAY = 0.9  # BUG


# --- the learner's code ---
class DecayNet:
    def __init__(self, lr=1.0, seed=30):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

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
        self.W1 *= DECAY
        self.W2 *= DECAY


def doctor_case():
    return xl.adapt(DecayNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "decoupled weight decay factor 0.9 per step (typed for 0.9999)",
    "fix": "DECAY = 0.9999",
}

if __name__ == "__main__":
    net = DecayNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
