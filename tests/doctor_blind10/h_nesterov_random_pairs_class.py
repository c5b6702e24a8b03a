"""Healthy: a class trained on mini-batches of 2 in a random order, drawn from a generator kept
on the object, with Nesterov momentum in the form that steps from the look-ahead point
(2-4-1 tanh, sigmoid output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600


# --- the learner's code ---
class NesterovPairs:
    def __init__(self, lr=0.3, mu=0.9, seed=201):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.vel = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.lr, self.mu = lr, mu
        self.rng = np.random.default_rng(seed + 1)

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def grads(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}

    def epoch(self, X, y):
        order = self.rng.permutation(len(X))
        for start in range(0, len(X), 2):
            batch = order[start : start + 2]
            g = self.grads(X[batch], y[batch])
            for k, gk in g.items():
                old = self.vel[k].copy()
                self.vel[k] = self.mu * self.vel[k] - self.lr * gk
                getattr(self, k)[...] += -self.mu * old + (1 + self.mu) * self.vel[k]


def doctor_case():
    return xl.adapt(
        NesterovPairs(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = NesterovPairs()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
