"""Bug: the learner meant to train 2000 epochs and print every 100, and wrote the loop as
`for epoch in range(0, EPOCHS, 100)`: 20 epochs are trained. A correct class otherwise
(sigmoid hidden and output, mean BCE, full batch). The doctor is told the 20 epochs that
actually run."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
RUNS = range(0, EPOCHS, 100)  # BUG


# --- the learner's code ---
class XorNet:
    def __init__(self, lr=2.0, seed=20):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1.5, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1.5, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_epoch(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        XorNet(),
        "W1 b1 W2 b2",
        "train_epoch",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=len(RUNS),
    )


EXPECTED = {
    "healthy": False,
    "bug": "range(0, EPOCHS, 100) trains 20 epochs, not 2000",
    "fix": "for epoch in range(EPOCHS), printing when epoch % 100 == 0",
}

if __name__ == "__main__":
    net = XorNet()
    for _ in RUNS:
        net.train_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
