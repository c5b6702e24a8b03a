"""Healthy: a class learning 3-bit parity that accumulates the gradients of 4 micro-batches
of 2 samples, divides by 4, and takes one step per epoch (the full-batch mean gradient,
computed in pieces). tanh hidden layer of 6, sigmoid output, mean BCE."""

import itertools

import numpy as np

import xorlab as xl

X = np.array(list(itertools.product([0, 1], repeat=3)), dtype=float)
y = X.sum(axis=1, keepdims=True) % 2
EPOCHS = 1500


# --- the learner's code ---
class ParityNet:
    def __init__(self, lr=1.0, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, 6))
        self.b1 = np.zeros(6)
        self.W2 = rng.normal(0, 1, (6, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return h, 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def predict(self, X):
        return self.forward(X)[1]

    def epoch(self, X, y):
        acc = [np.zeros_like(w) for w in (self.W1, self.b1, self.W2, self.b2)]
        for part in range(4):
            xb, yb = X[2 * part : 2 * part + 2], y[2 * part : 2 * part + 2]
            h, out = self.forward(xb)
            d2 = (out - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * (1 - h**2)
            for a, g in zip(acc, (xb.T @ d1, d1.sum(axis=0), h.T @ d2, d2.sum(axis=0))):
                a += g / 4
        self.W1 -= self.lr * acc[0]
        self.b1 -= self.lr * acc[1]
        self.W2 -= self.lr * acc[2]
        self.b2 -= self.lr * acc[3]


def doctor_case():
    return xl.adapt(
        ParityNet(), "W1 b1 W2 b2", "epoch", X, y, predict="predict", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the mean of 4 micro-batch means of equal size is the full-batch mean",
}

if __name__ == "__main__":
    net = ParityNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.predict(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
