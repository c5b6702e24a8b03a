"""Healthy (unusual): a class whose hidden units are sin(z), with derivative cos(z) (a
"periodic activation" from a blog post). Sigmoid output, mean BCE, full batch on XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class SineNet:
    def __init__(self, lr=1.0, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.sin(self.z1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * np.cos(self.z1)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(SineNet(), KEYS, "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing: sin is an unusual but fine activation"}

if __name__ == "__main__":
    net = SineNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
