"""Healthy: a class on 8 points (XOR's corners and a seeded jittered copy of each), 2-5-1
softsign hidden units z / (1 + |z|), sigmoid output, mean BCE, mini-batches of 4 in a fixed
order, RMSProp (caches on the object)."""

import numpy as np

import xorlab as xl

corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([corners, corners + np.random.default_rng(7).normal(0, 0.1, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
EPOCHS = 600


# --- the learner's code ---
class SoftsignNet:
    def __init__(self, hidden=5, lr=0.02, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.batch = lr, 4
        self.cache = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = self.z / (1 + np.abs(self.z))
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T / (1 + np.abs(self.z)) ** 2
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        for k, g in grads.items():
            self.cache[k] = 0.9 * self.cache[k] + 0.1 * g**2
            getattr(self, k)[...] -= self.lr * g / (np.sqrt(self.cache[k]) + 1e-8)

    def epoch(self, X, y):
        for start in range(0, len(X), self.batch):
            self.step(X[start : start + self.batch], y[start : start + self.batch])


def doctor_case():
    return xl.adapt(
        SoftsignNet(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = SoftsignNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
