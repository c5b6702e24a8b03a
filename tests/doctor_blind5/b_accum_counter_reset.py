"""Bug: a class meant to accumulate the gradients of 4 micro-batches of 2 samples before each
step (two epochs of XOR per step), but the micro-batch counter is reset at the top of every
epoch: it never reaches 4, and no step is ever taken. tanh hidden, sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1600
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class Accumulating:
    def __init__(self, lr=1.0, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.count = lr, 0
        self.acc = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        self.count = 0  # BUG
        for s in range(0, len(X), 2):
            xb, yb = X[s : s + 2], y[s : s + 2]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            g = {"W1": xb.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
            for k in NAMES:
                self.acc[k] += g[k] / 4
            self.count += 1
            if self.count % 4 == 0:
                for k in NAMES:
                    setattr(self, k, getattr(self, k) - self.lr * self.acc[k])
                    self.acc[k][...] = 0


def doctor_case():
    return xl.adapt(Accumulating(), NAMES, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the micro-batch counter is reset each epoch: it never reaches 4, no step is taken",
    "fix": "keep the count across epochs (do not reset it in train)",
}

if __name__ == "__main__":
    net = Accumulating()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
