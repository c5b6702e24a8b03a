"""Healthy: a class holding its layers in lists (self.W[i], self.b[i]), two leaky-ReLU hidden
layers, a linear output with the halved squared error, mini-batches of 2 in a fixed order."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
class LeakyStack:
    def __init__(self, sizes=(2, 5, 5, 1), seed=2, lr=0.1, slope=0.1):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0, np.sqrt(2 / a), (a, b)) for a, b in zip(sizes, sizes[1:])]
        self.b = [np.full(b, 0.01) for b in sizes[1:]]
        self.lr, self.slope = lr, slope

    def forward(self, X):
        self.acts, self.zs = [X], []
        a = X
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W + b
            self.zs.append(z)
            a = z if i == len(self.W) - 1 else np.where(z > 0, z, self.slope * z)
            self.acts.append(a)
        return a

    def backward(self, y):
        n = len(y)
        delta = (self.acts[-1] - y) / n  # d/dz of 0.5 * mean squared error
        grads = []
        for i in reversed(range(len(self.W))):
            grads.append((self.acts[i].T @ delta, delta.sum(axis=0)))
            if i > 0:
                delta = delta @ self.W[i].T * np.where(self.zs[i - 1] > 0, 1, self.slope)
        return grads[::-1]

    def train_epoch(self, X, y, batch=2):
        for s in range(0, len(X), batch):
            self.forward(X[s : s + batch])
            for i, (gW, gb) in enumerate(self.backward(y[s : s + batch])):
                self.W[i] -= self.lr * gW
                self.b[i] -= self.lr * gb


def doctor_case():
    return xl.adapt(
        LeakyStack(),
        "W.0 b.0 W.1 b.1 W.2 b.2",
        "train_epoch",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: two leaky-ReLU layers in lists, halved MSE, mini-batches of 2",
}

if __name__ == "__main__":
    net = LeakyStack()
    for _ in range(EPOCHS):
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
