"""Bug: a per-sample class whose update lines slipped out of the sample loop by one
indent: the loop computes every sample's gradient, but only the last one (x = (1, 1),
target 0) is applied, once per epoch. tanh hidden, sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
class OnlineNet:
    def __init__(self, lr=0.5, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):
            x = X[i : i + 1]
            d2 = self.forward(x) - y[i : i + 1]
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            gW2, gb2 = self.h.T @ d2, d2.sum(axis=0)
            gW1, gb1 = x.T @ d1, d1.sum(axis=0)
        self.W2 -= self.lr * gW2  # BUG
        self.b2 -= self.lr * gb2
        self.W1 -= self.lr * gW1
        self.b1 -= self.lr * gb1


def doctor_case():
    return xl.adapt(
        OnlineNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the four update lines sit outside the sample loop: only the last sample trains",
    "fix": "indent the updates into the loop",
}

if __name__ == "__main__":
    net = OnlineNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
