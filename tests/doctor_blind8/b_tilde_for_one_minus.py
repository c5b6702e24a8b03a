"""Bug: a class with integer 0/1 targets (int64) and a backward pass written through the BCE's
derivative in the output, `-(y / out) + (1 - y) / (1 - out)`, where `1 - y` is typed `~y`:
on integers that is -1 - y, so every sample pushes its output up. 2-4-1 tanh, sigmoid output,
full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]])
EPOCHS = 1500


# --- the learner's code ---
class ChainNet:
    def __init__(self, lr=0.5, seed=43):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        self.out = 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))
        return self.out

    def train(self, X, y):
        out = self.forward(X)
        d_out = -(y / out) + (~y) / (1 - out)  # BUG
        d2 = d_out * out * (1 - out) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        ChainNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "~y on integer targets is -1 - y, not 1 - y: the BCE derivative is wrong",
    "fix": "(1 - y) / (1 - out)",
}

if __name__ == "__main__":
    net = ChainNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
