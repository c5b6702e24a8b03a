"""Buggy: a class trained one sample at a time with `(1, d)` rows writes BCE's dL/dout by
hand with `y` and `1 - y` swapped, `-(1 - t) / out + t / (1 - out)`: the gradient of the BCE
against the complemented targets, so the network learns XNOR while it prints the loss against
XOR (2-3-1 tanh, sigmoid output)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600


# --- the learner's code ---
class HandBCE:
    def __init__(self, lr=0.5, seed=331):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def loss(self, X, y):
        out = self.forward(X)
        return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))

    def train(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            out = self.forward(x)
            dout = -(1 - t) / out + t / (1 - out)  # BUG
            d2 = dout * out * (1 - out)
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        HandBCE(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "dL/dout with y and 1 - y swapped: the gradient of the BCE against 1 - y",
    "fix": "dout = -t / out + (1 - t) / (1 - out)",
}

if __name__ == "__main__":
    net = HandBCE()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
