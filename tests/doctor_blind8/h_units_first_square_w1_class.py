"""Healthy, unusual layout: samples as rows, but the hidden weights stored (units, inputs): a
square W1 (2, 2) used as X @ W1.T, a 1-D output vector w2 (2,), a float output bias, 1-D
outputs and targets of shape (n,). 2-2-1 tanh, sigmoid output, mean BCE, full batch. No
matrix tells the layout, so `case["columns"] = True` is set after `xl.adapt`, as the docs say."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class Tiny:
    def __init__(self, lr=1.0, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 2))  # row j: the weights into hidden unit j
        self.b1 = np.zeros(2)
        self.w2 = rng.normal(0, 1, 2)
        self.b2 = 0.0
        self.lr = lr

    def predict(self, X):
        self.h = np.tanh(X @ self.W1.T + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.w2 + self.b2)))

    def learn(self, X, y):
        out = self.predict(X)
        e = (out - y) / len(X)  # (n,)
        back = np.outer(e, self.w2) * (1 - self.h**2)  # (n, 2)
        self.w2 -= self.lr * self.h.T @ e
        self.b2 -= self.lr * e.sum()
        self.W1 -= self.lr * back.T @ X
        self.b1 -= self.lr * back.sum(axis=0)


def doctor_case():
    case = xl.adapt(Tiny(), "W1 b1 w2 b2", "learn", X, y, predict="predict", lr="lr", epochs=EPOCHS)
    case["columns"] = True
    return case


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = Tiny()
    for _ in range(EPOCHS):
        net.learn(X, y)
    out = net.predict(X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
