"""Bug: a class trained one sample at a time with 1-D vectors and weights stored (units,
inputs), 2-4-1 tanh, sigmoid output, BCE. The hidden weights' outer product takes
`X[i - 1]`, the previous sample's input (the last one for i = 0), for `x`."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class VecNet:
    def __init__(self, lr=0.5, seed=54):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (4, 2)), np.zeros(4)
        self.w2, self.b2 = rng.normal(0, 1, 4), 0.0
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1.T + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.w2 + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):
            x = X[i]
            out = self.forward(x)
            d2 = out - y[i]
            d1 = d2 * self.w2 * (1 - self.h**2)
            self.w2 -= self.lr * d2 * self.h
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * np.outer(d1, X[i - 1])  # BUG
            self.b1 -= self.lr * d1


def doctor_case():
    return xl.adapt(
        VecNet(), "W1 b1 w2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "W1's step uses the previous sample's input X[i - 1] for x",
    "fix": "np.outer(d1, x)",
}

if __name__ == "__main__":
    net = VecNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
