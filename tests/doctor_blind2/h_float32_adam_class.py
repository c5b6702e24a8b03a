"""Healthy: float32 arrays throughout, Adam with bias correction, mean BCE, a class."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 600
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AdamNet:
    def __init__(self, seed=9, lr=0.05):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4)).astype(np.float32)
        self.b1 = np.zeros(4, np.float32)
        self.W2 = rng.normal(0, 1, (4, 1)).astype(np.float32)
        self.b2 = np.zeros(1, np.float32)
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y, b1=0.9, b2=0.999, eps=1e-7):
        p = self.forward(X)
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k in NAMES:
            self.m[k] = b1 * self.m[k] + (1 - b1) * g[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * g[k] ** 2
            m_hat, v_hat = self.m[k] / (1 - b1**self.t), self.v[k] / (1 - b2**self.t)
            step = (self.lr * m_hat / (np.sqrt(v_hat) + eps)).astype(np.float32)
            setattr(self, k, getattr(self, k) - step)


def doctor_case():
    return xl.adapt(
        AdamNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: float32 is enough here and Adam is written correctly",
}

if __name__ == "__main__":
    net = AdamNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    print(net.W1.dtype, np.round(net.forward(X).ravel(), 3))
