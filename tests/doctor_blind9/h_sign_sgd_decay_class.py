"""Healthy, unusual: sign gradient descent (`W -= lr * sign(g)`) with a rate that decays by
a factor each epoch, in a class (2-4-1 tanh, sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class SignNet:
    def __init__(self, lr=0.05, decay=0.998, seed=102):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.decay = lr, decay

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_epoch(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W2": self.h.T @ d2, "b2": d2.sum(axis=0), "W1": X.T @ d1, "b1": d1.sum(axis=0)}
        for name, g in grads.items():
            setattr(self, name, getattr(self, name) - self.lr * np.sign(g))
        self.lr *= self.decay


def doctor_case():
    return xl.adapt(
        SignNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = SignNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
