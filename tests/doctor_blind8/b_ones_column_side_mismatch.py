"""Bug: a class that folds its biases into the inputs itself, 2-3-1 sigmoid, mean BCE, full
batch: `train` puts the column of ones first, `forward` (used to predict) puts it last, so
the trained weights are read against the wrong inputs."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class FoldedNet:
    def __init__(self, lr=2.0, seed=35):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, 3))  # (ones + inputs, units)
        self.W2 = rng.normal(0, 1, (4, 1))  # (hidden + one, 1)
        self.lr = lr

    def run(self, Xb):
        self.h = sigmoid(Xb @ self.W1)
        self.hb = np.hstack([self.h, np.ones((len(Xb), 1))])
        return sigmoid(self.hb @ self.W2)

    def forward(self, X):
        return self.run(np.hstack([X, np.ones((len(X), 1))]))

    def train(self, X, y):
        Xb = np.hstack([np.ones((len(X), 1)), X])  # BUG
        out = self.run(Xb)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2[:-1].T * self.h * (1 - self.h)
        self.W2 -= self.lr * self.hb.T @ d2
        self.W1 -= self.lr * Xb.T @ d1


def doctor_case():
    return xl.adapt(FoldedNet(), "W1 W2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "train folds the ones column first, forward last: predictions use the wrong inputs",
    "fix": "np.hstack([X, np.ones((len(X), 1))]) in train too",
}

if __name__ == "__main__":
    net = FoldedNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
