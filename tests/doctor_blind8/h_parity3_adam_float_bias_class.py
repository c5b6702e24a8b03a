"""Healthy: a class on 3-bit parity (8 samples), 3-6-1 tanh, sigmoid output, mean BCE, full
batch, Adam with its moments in dicts filled on first use; the output bias is one Python
float (`self.b2 = 0.0`), rebound at every step with setattr."""

import numpy as np

import xorlab as xl

X = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], dtype=float)
y = (X.sum(axis=1) % 2).reshape(-1, 1)
EPOCHS = 800


# --- the learner's code ---
class ParityNet:
    def __init__(self, hidden=6, lr=0.05, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, 1))
        self.b2 = 0.0
        self.lr = lr
        self.t = 0
        self.m, self.v = {}, {}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum()}
        self.t += 1
        for name, g in grads.items():
            self.m[name] = 0.9 * self.m.get(name, 0.0) + 0.1 * g
            self.v[name] = 0.999 * self.v.get(name, 0.0) + 0.001 * g**2
            m_hat = self.m[name] / (1 - 0.9**self.t)
            v_hat = self.v[name] / (1 - 0.999**self.t)
            setattr(self, name, getattr(self, name) - self.lr * m_hat / (np.sqrt(v_hat) + 1e-8))


def doctor_case():
    return xl.adapt(
        ParityNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = ParityNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
