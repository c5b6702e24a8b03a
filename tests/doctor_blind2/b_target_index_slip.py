"""Bug: a per-sample loop in random order that pairs sample X[i] with the label y[k] of
the loop counter k, not of i (the inputs are shuffled, the labels are not)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class RandomOrder:
    def __init__(self, seed=24, lr=0.5):
        self.rng = np.random.default_rng(seed)
        self.W1, self.b1 = self.rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = self.rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def epoch(self, X, y):
        for k, i in enumerate(self.rng.permutation(len(X))):
            x, t = X[i : i + 1], y[k : k + 1]  # should be y[i : i + 1]
            h = np.tanh(x @ self.W1 + self.b1)
            p = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
            d2 = p - t
            d1 = (d2 @ self.W2.T) * (1 - h**2)
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        RandomOrder(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the label index is the loop counter, not the sample: random pairs; no fit",
    "fix": "t = y[i : i + 1]",
}

if __name__ == "__main__":
    net = RandomOrder()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
