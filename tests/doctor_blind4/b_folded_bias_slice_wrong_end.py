"""Buggy: a class with the biases folded into the weights: a column of ones appended to the
inputs and to the hidden activations, so W2's LAST row is the output bias. Going back
through W2, the learner drops the bias row with W2[1:] (as if it were the first row) instead
of W2[:-1]: the hidden deltas use the wrong rows, shifted by one. tanh hidden layer of 4,
sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def with_ones(A):
    return np.hstack([A, np.ones((len(A), 1))])


class Folded:
    def __init__(self, seed=6, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, 4))  # last row: hidden biases
        self.W2 = rng.normal(0, 1, (5, 1))  # last row: output bias
        self.lr = lr

    def forward(self, X):
        self.x1 = with_ones(X)
        self.h = np.tanh(self.x1 @ self.W1)
        self.h1 = with_ones(self.h)
        return 1 / (1 + np.exp(-(self.h1 @ self.W2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2[1:].T) * (1 - self.h**2)  # BUG
        self.W2 -= self.lr * self.h1.T @ d2
        self.W1 -= self.lr * self.x1.T @ d1


def doctor_case():
    return xl.adapt(Folded(), "W1 W2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "folded bias row dropped from the wrong end: W2[1:] instead of W2[:-1] going back",
    "fix": "d1 = (d2 @ self.W2[:-1].T) * (1 - self.h**2)",
}

if __name__ == "__main__":
    net = Folded()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
