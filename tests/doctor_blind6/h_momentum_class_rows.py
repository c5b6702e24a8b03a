"""Healthy: a class with classical momentum, full batch. 2-4-1, tanh hidden, sigmoid output,
mean BCE on XOR, samples as rows; velocities kept in a dict on the object, updates in place."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 400
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class XorNet:
    def __init__(self, hidden=4, lr=0.5, mu=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.vel = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        for k in KEYS:
            self.vel[k] = self.mu * self.vel[k] - self.lr * grads[k]
            param = getattr(self, k)
            param += self.vel[k]


def doctor_case():
    return xl.adapt(XorNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = XorNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
