"""Healthy: a class with samples as columns, float32 arrays and an `np.float32` rate, Adam,
leaky ReLU hidden units (2-6-1, sigmoid output, mean BCE), on a tiny 2-D set: 10 points, the
inner ones labelled 1 (a disc)."""

import numpy as np

import xorlab as xl

_angles = np.linspace(0, 2 * np.pi, 6, endpoint=False)
_outer = np.c_[np.cos(_angles), np.sin(_angles)] * 1.5
_inner = np.array([[0.3, 0.2], [-0.3, 0.3], [-0.2, -0.3], [0.3, -0.2]])
X = np.vstack([_outer, _inner]).T.astype(np.float32)  # (2, 10): samples as columns
y = np.array([[0] * 6 + [1] * 4], dtype=np.float32)  # (1, 10)
EPOCHS = 500


# --- the learner's code ---
class LeakyAdamColumns:
    def __init__(self, seed=203):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (6, 2)).astype(np.float32)
        self.b1 = np.zeros((6, 1), dtype=np.float32)
        self.W2 = rng.normal(0, 0.5, (1, 6)).astype(np.float32)
        self.b2 = np.zeros((1, 1), dtype=np.float32)
        self.lr = np.float32(0.02)
        self.t = 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):  # X: (2, n) -> (1, n)
        self.z = self.W1 @ X + self.b1
        self.h = np.where(self.z > 0, self.z, 0.1 * self.z)
        return 1 / (1 + np.exp(-(self.W2 @ self.h + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / X.shape[1]
        d1 = (self.W2.T @ d2) * np.where(self.z > 0, 1.0, 0.1).astype(np.float32)
        g = {"W2": d2 @ self.h.T, "b2": d2.sum(axis=1, keepdims=True)}
        g.update(W1=d1 @ X.T, b1=d1.sum(axis=1, keepdims=True))
        self.t += 1
        for k, gk in g.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * gk
            self.v[k] = 0.999 * self.v[k] + 0.001 * gk**2
            m_hat = self.m[k] / (1 - 0.9**self.t)
            v_hat = self.v[k] / (1 - 0.999**self.t)
            getattr(self, k)[...] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-7)


def doctor_case():
    return xl.adapt(
        LeakyAdamColumns(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = LeakyAdamColumns()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
