"""Healthy: float32 weights and data, 2-8-1 leaky ReLU (slope 0.1), sigmoid output, BCE,
mini-batches of 2 in a fixed order, classical momentum kept as attributes."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 400
ALPHA = np.float32(0.1)


# --- the learner's code ---
class LeakyNet:
    def __init__(self, lr=0.3, mu=0.9, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 8)).astype(np.float32)
        self.b1 = np.zeros((1, 8), np.float32)
        self.W2 = rng.normal(0, 0.5, (8, 1)).astype(np.float32)
        self.b2 = np.zeros((1, 1), np.float32)
        self.lr, self.mu = np.float32(lr), np.float32(mu)
        self.vW1, self.vb1 = np.zeros_like(self.W1), np.zeros_like(self.b1)
        self.vW2, self.vb2 = np.zeros_like(self.W2), np.zeros_like(self.b2)

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.where(self.z1 > 0, self.z1, ALPHA * self.z1)
        return 1 / (1 + np.exp(-(self.a1 @ self.W2 + self.b2)))

    def step(self, xb, yb):
        out = self.forward(xb)
        d2 = (out - yb) / len(xb)
        d1 = d2 @ self.W2.T * np.where(self.z1 > 0, 1, ALPHA).astype(np.float32)
        self.vW2 = self.mu * self.vW2 - self.lr * self.a1.T @ d2
        self.vb2 = self.mu * self.vb2 - self.lr * d2.sum(0, keepdims=True)
        self.vW1 = self.mu * self.vW1 - self.lr * xb.T @ d1
        self.vb1 = self.mu * self.vb1 - self.lr * d1.sum(0, keepdims=True)
        self.W2 += self.vW2
        self.b2 += self.vb2
        self.W1 += self.vW1
        self.b1 += self.vb1

    def train(self, X, y):
        for start in range(0, len(X), 2):
            self.step(X[start : start + 2], y[start : start + 2])


def doctor_case():
    return xl.adapt(
        LeakyNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = LeakyNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
