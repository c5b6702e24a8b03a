"""Healthy, unusual: a class whose training method takes three full-batch gradient steps per
call (the learner's loop calls it once per "round"), on 3-bit parity (3-6-1 tanh, sigmoid
output, mean BCE)."""

import numpy as np

import xorlab as xl

X = np.array([[(i >> b) & 1 for b in range(3)] for i in range(8)], dtype=float)
y = X.sum(axis=1, keepdims=True) % 2
ROUNDS = 400


# --- the learner's code ---
class ParityNet:
    def __init__(self, lr=0.5, inner=3, seed=208):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1.5, (3, 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0, 1, (6, 1)), np.zeros(1)
        self.lr, self.inner = lr, inner

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_round(self, X, y):
        for _ in range(self.inner):
            d2 = (self.forward(X) - y) / len(X)
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * X.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        ParityNet(), "W1 b1 W2 b2", "train_round", X, y, predict="forward", lr="lr", epochs=ROUNDS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = ParityNet()
    for _ in range(ROUNDS):
        net.train_round(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
