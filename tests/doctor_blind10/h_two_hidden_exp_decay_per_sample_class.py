"""Healthy: a class with two hidden layers (2-4-3-1 tanh, sigmoid output), halved squared
error, one sample at a time as `(1, d)` rows, and a rate that decays exponentially after each
epoch (XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 900


# --- the learner's code ---
class DeepPerSample:
    def __init__(self, lr=1.2, decay=0.9995, seed=220):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 3)), np.zeros(3)
        self.W3, self.b3 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.decay = lr, decay

    def forward(self, X):
        self.h1 = np.tanh(X @ self.W1 + self.b1)
        self.h2 = np.tanh(self.h1 @ self.W2 + self.b2)
        return 1 / (1 + np.exp(-(self.h2 @ self.W3 + self.b3)))

    def step(self, x, t):
        out = self.forward(x)
        d3 = (out - t) * out * (1 - out)  # 0.5 * (out - t)**2
        d2 = d3 @ self.W3.T * (1 - self.h2**2)
        d1 = d2 @ self.W2.T * (1 - self.h1**2)
        self.W3 -= self.lr * self.h2.T @ d3
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * self.h1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * x.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)

    def train_epoch(self, X, y):
        for i in range(len(X)):
            self.step(X[i : i + 1], y[i : i + 1])
        self.lr *= self.decay


def doctor_case():
    return xl.adapt(
        DeepPerSample(),
        "W1 b1 W2 b2 W3 b3",
        "train_epoch",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = DeepPerSample()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
