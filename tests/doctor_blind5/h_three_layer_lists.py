"""Healthy: a class holding a 2-4-4-1 net as lists `Ws` and `bs` (paths "Ws.0" ... for the
adapter), with loops over the layers in both directions. tanh hidden layers, sigmoid output,
mean BCE on XOR, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
SIZES = (2, 4, 4, 1)


# --- the learner's code ---
class Deep:
    def __init__(self, lr=0.5, seed=9):
        rng = np.random.default_rng(seed)
        self.Ws = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in zip(SIZES, SIZES[1:])]
        self.bs = [np.zeros(b) for b in SIZES[1:]]
        self.lr = lr

    def forward(self, X):
        self.acts = [X]
        for i, (W, b) in enumerate(zip(self.Ws, self.bs)):
            z = self.acts[-1] @ W + b
            last = i == len(self.Ws) - 1
            self.acts.append(1 / (1 + np.exp(-z)) if last else np.tanh(z))
        return self.acts[-1]

    def train(self, X, y):
        delta = (self.forward(X) - y) / len(X)
        for i in reversed(range(len(self.Ws))):
            gW = self.acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.Ws[i].T) * (1 - self.acts[i] ** 2)
            self.Ws[i] -= self.lr * gW
            self.bs[i] -= self.lr * gb


def doctor_case():
    names = "Ws.0 bs.0 Ws.1 bs.1 Ws.2 bs.2"
    return xl.adapt(Deep(), names, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the delta goes back through W before W is updated",
}

if __name__ == "__main__":
    net = Deep()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
