"""Healthy: samples as columns, float32 everywhere, RMSProp. X (2, 4), y (1, 4), W1 (4, 2),
b1 (4, 1); tanh hidden, sigmoid output, mean BCE on XOR, full batch, updates in place."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=np.float32)
y = np.array([[0, 1, 1, 0]], dtype=np.float32)
EPOCHS = 400
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class ColumnNet:
    def __init__(self, lr=0.02, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (4, 2)).astype(np.float32)
        self.b1 = np.zeros((4, 1), dtype=np.float32)
        self.W2 = rng.normal(0, 1, (1, 4)).astype(np.float32)
        self.b2 = np.zeros((1, 1), dtype=np.float32)
        self.lr = lr
        self.cache = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.A1 = np.tanh(self.W1 @ X + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ self.A1 + self.b2)))

    def train(self, X, Y):
        m = X.shape[1]
        dZ2 = (self.forward(X) - Y) / m
        dZ1 = (self.W2.T @ dZ2) * (1 - self.A1**2)
        grads = {
            "W2": dZ2 @ self.A1.T,
            "b2": dZ2.sum(axis=1, keepdims=True),
            "W1": dZ1 @ X.T,
            "b1": dZ1.sum(axis=1, keepdims=True),
        }
        for k in KEYS:
            self.cache[k] = 0.9 * self.cache[k] + 0.1 * grads[k] ** 2
            param = getattr(self, k)
            param -= self.lr * grads[k] / (np.sqrt(self.cache[k]) + 1e-6)


def doctor_case():
    return xl.adapt(
        ColumnNet(), KEYS, "train", X, y, predict="forward", lr="lr", columns=True, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = ColumnNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
