"""Healthy: a class trained with Adam on mini-batches of 3, in a fixed order, on a tiny
two-moons set (12 points); 2-6-1 tanh, sigmoid output, mean BCE."""

import numpy as np

import xorlab as xl

_t = np.linspace(0, np.pi, 6)
X = np.vstack([np.c_[np.cos(_t), np.sin(_t)], np.c_[1 - np.cos(_t), 0.5 - np.sin(_t)]])
X = X + np.random.default_rng(8).normal(0, 0.05, X.shape)
y = np.r_[np.zeros(6), np.ones(6)].reshape(-1, 1)
EPOCHS = 1000


# --- the learner's code ---
class MoonsAdam:
    def __init__(self, lr=0.02, seed=108):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 6)), np.zeros(6)
        self.W2, self.b2 = rng.normal(0, 1, (6, 1)), np.zeros(1)
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def adam(self, grads):
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g**2
            m_hat = self.m[k] / (1 - 0.9**self.t)
            v_hat = self.v[k] / (1 - 0.999**self.t)
            getattr(self, k)[...] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)

    def epoch(self, X, y):
        for s in range(0, len(X), 3):
            xb, yb = X[s : s + 3], y[s : s + 3]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            self.adam({"W2": self.h.T @ d2, "b2": d2.sum(0), "W1": xb.T @ d1, "b1": d1.sum(0)})


def doctor_case():
    return xl.adapt(
        MoonsAdam(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = MoonsAdam()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
