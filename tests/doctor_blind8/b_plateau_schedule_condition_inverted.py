"""Bug: a class with a "reduce the rate on a plateau" schedule whose test is inverted: the
rate is halved whenever the loss *improved* on its best, so it halves at almost every epoch
and training stops within a few dozen. 2-4-1 tanh, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class PlateauNet:
    def __init__(self, lr=0.5, seed=44):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.best = lr, np.inf

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))
        if loss < self.best:  # BUG
            self.lr *= 0.5
        self.best = min(self.best, loss)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        PlateauNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "reduce-on-plateau halves the rate when the loss improved: it vanishes in ~50 epochs",
    "fix": "if loss >= self.best",
}

if __name__ == "__main__":
    net = PlateauNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
