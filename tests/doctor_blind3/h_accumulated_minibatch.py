"""Healthy: a class that walks the samples one at a time, adds each sample's gradient into
accumulators, and every 2 samples takes one step with their mean and resets them."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class AccumNet:
    def __init__(self, seed=8, lr=0.8, batch=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.batch = lr, batch
        self.acc = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.count = 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def add_sample(self, x, t):  # x: (1, 2), t: (1, 1)
        d2 = self.forward(x) - t
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.acc["W2"] += self.h.T @ d2
        self.acc["b2"] += d2[0]
        self.acc["W1"] += x.T @ d1
        self.acc["b1"] += d1[0]
        self.count += 1

    def apply(self):
        for k, a in self.acc.items():
            getattr(self, k)[...] -= self.lr * a / self.count
            a[...] = 0
        self.count = 0

    def train_epoch(self, X, y):
        for i in range(len(X)):
            self.add_sample(X[i : i + 1], y[i : i + 1])
            if self.count == self.batch:
                self.apply()
        if self.count:
            self.apply()


def doctor_case():
    return xl.adapt(
        AccumNet(), "W1 b1 W2 b2", "train_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: accumulate per-sample gradients, step with their mean, reset the buffers",
}

if __name__ == "__main__":
    net = AccumNet()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
