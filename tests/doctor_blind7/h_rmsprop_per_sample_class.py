"""Healthy: XOR one sample at a time in a random order (the class keeps its own seeded
generator), 2-4-1 tanh, sigmoid output, BCE, RMSProp with its caches in a dict."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300
NAMES = ["W1", "b1", "W2", "b2"]


# --- the learner's code ---
class Net:
    def __init__(self, lr=0.02, decay=0.9, seed=4):
        self.rng = np.random.default_rng(seed)
        self.W1 = self.rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = self.rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.decay = lr, decay
        self.cache = {n: np.zeros_like(getattr(self, n)) for n in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def backward(self, x, t):
        out = self.forward(x)
        d2 = out - t
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        return {"W1": x.T @ d1, "b1": d1[0], "W2": self.h.T @ d2, "b2": d2[0]}

    def epoch(self, X, y):
        for i in self.rng.permutation(len(X)):
            grads = self.backward(X[i : i + 1], y[i : i + 1])
            for n in NAMES:
                self.cache[n] = self.decay * self.cache[n] + (1 - self.decay) * grads[n] ** 2
                param = getattr(self, n)
                param -= self.lr * grads[n] / (np.sqrt(self.cache[n]) + 1e-8)


def doctor_case():
    return xl.adapt(Net(), NAMES, "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = Net()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
