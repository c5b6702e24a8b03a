"""Buggy: a class that accumulates per-sample gradients over the epoch and takes one step
with their mean, but divides by `self.seen`, the samples seen since the start, where the
epoch's `len(X)` belongs: the step shrinks like 1/epoch, and the run stalls far from the
targets (2-3-1 tanh, sigmoid output, mean BCE, 1-D vectors one sample at a time, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1200


# --- the learner's code ---
class MeanStepNet:
    def __init__(self, lr=1.0, seed=324):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.seen = lr, 0

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def train(self, X, y):
        gW1, gb1 = np.zeros_like(self.W1), np.zeros_like(self.b1)
        gW2, gb2 = np.zeros_like(self.W2), np.zeros_like(self.b2)
        for x, t in zip(X, y):
            h = np.tanh(x @ self.W1 + self.b1)
            out = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
            d2 = out - t
            d1 = self.W2[:, 0] * d2 * (1 - h**2)
            gW2 += np.outer(h, d2)
            gb2 += d2
            gW1 += np.outer(x, d1)
            gb1 += d1
            self.seen += 1
        n = self.seen  # BUG
        self.W2 -= self.lr * gW2 / n
        self.b2 -= self.lr * gb2 / n
        self.W1 -= self.lr * gW1 / n
        self.b1 -= self.lr * gb1 / n


def doctor_case():
    return xl.adapt(
        MeanStepNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the epoch's summed gradient divided by every sample seen so far: steps shrink as 1/t",
    "fix": "n = len(X)",
}

if __name__ == "__main__":
    net = MeanStepNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
