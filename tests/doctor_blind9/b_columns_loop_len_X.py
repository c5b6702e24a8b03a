"""Bug: samples as columns (X (2, n)) trained one at a time with `for i in range(len(X))`:
len of a (d, n) array is d = 2, so samples 2 and 3 never reach the update (class, 2-4-1 tanh,
sigmoid output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
y = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class ColumnSGD:
    def __init__(self, lr=0.5, seed=133):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (4, 2)), np.zeros((4, 1))
        self.W2, self.b2 = rng.normal(0, 1, (1, 4)), np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.H = np.tanh(self.W1 @ X + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ self.H + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):  # BUG
            x = X[:, i : i + 1]
            d2 = self.forward(x) - y[:, i : i + 1]
            d1 = self.W2.T @ d2 * (1 - self.H**2)
            self.W2 -= self.lr * d2 @ self.H.T
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * d1 @ x.T
            self.b1 -= self.lr * d1


def doctor_case():
    return xl.adapt(
        ColumnSGD(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "range(len(X)) counts the features of a (d, n) array, not the samples",
    "fix": "for i in range(X.shape[1]):",
}

if __name__ == "__main__":
    net = ColumnSGD()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
