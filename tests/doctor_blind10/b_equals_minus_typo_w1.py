"""Buggy: a class whose hidden weights' update is typed `=-` where `-=` was meant:
`self.W1 =- self.lr * dW1` parses as `self.W1 = -self.lr * dW1`, so after every epoch W1 is
the last step itself, a tiny matrix, and the hidden units barely see the inputs (2-3-1 tanh,
sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class TypoNet:
    def __init__(self, lr=0.5, seed=333):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        dW1 = X.T @ d1
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 =- self.lr * dW1  # BUG  # fmt: skip
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TypoNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "`self.W1 =- self.lr * dW1`: W1 is replaced by minus the step at every epoch",
    "fix": "self.W1 -= self.lr * dW1",
}

if __name__ == "__main__":
    net = TypoNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
