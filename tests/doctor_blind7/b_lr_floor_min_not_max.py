"""Bug: a class with an exponential rate decay and a floor, XOR, 2-4-1 tanh, sigmoid output,
BCE, full batch. The floor is written `min(self.lr * 0.999, 1e-4)` for `max(...)`: after the
first epoch the rate is 1e-4."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
MIN_LR = 1e-4


# --- the learner's code ---
class DecayNet:
    def __init__(self, lr=0.5, seed=1):
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
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)
        self.lr = min(self.lr * 0.999, MIN_LR)  # BUG


def doctor_case():
    return xl.adapt(
        DecayNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the rate floor uses min for max: the rate is 1e-4 from the second epoch on",
    "fix": "self.lr = max(self.lr * 0.999, MIN_LR)",
}

if __name__ == "__main__":
    net = DecayNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
