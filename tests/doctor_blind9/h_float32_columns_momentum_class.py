"""Healthy: a class with samples as columns (X (2, n), y (1, n)), float32 arrays and an
np.float32 rate, classical momentum, 2-4-1 tanh, sigmoid output, mean BCE, full batch, XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=np.float32)
y = np.array([[0, 1, 1, 0]], dtype=np.float32)
EPOCHS = 800
LR = np.float32(0.3)


# --- the learner's code ---
class ColumnMomentumNet:
    def __init__(self, lr=LR, mu=0.9, seed=109):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (4, 2)).astype(np.float32)
        self.b1 = np.zeros((4, 1), np.float32)
        self.W2 = rng.normal(0, 1, (1, 4)).astype(np.float32)
        self.b2 = np.zeros((1, 1), np.float32)
        self.lr, self.mu = lr, np.float32(mu)
        self.vel = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.H = np.tanh(self.W1 @ X + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ self.H + self.b2)))

    def train(self, X, y):
        n = X.shape[1]
        D2 = (self.forward(X) - y) / n
        D1 = self.W2.T @ D2 * (1 - self.H**2)
        grads = {
            "W2": D2 @ self.H.T,
            "b2": D2.sum(axis=1, keepdims=True),
            "W1": D1 @ X.T,
            "b1": D1.sum(axis=1, keepdims=True),
        }
        for k, g in grads.items():
            self.vel[k] = self.mu * self.vel[k] - self.lr * g
            getattr(self, k)[...] += self.vel[k]


def doctor_case():
    return xl.adapt(
        ColumnMomentumNet(),
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
    net = ColumnMomentumNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
