"""Buggy: samples as columns (X: (2, n)), a class with two ReLU hidden layers of the same
width (6); the backward pass multiplies the second layer's delta by the FIRST layer's mask
(z1 > 0) and the first layer's by the second's (z2 > 0): the shapes agree, so nothing
complains. Sigmoid output, mean BCE, full batch, `columns=True`."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
XC, YC = X.T.copy(), y.T.copy()  # (2, 4), (1, 4)
EPOCHS = 2000


# --- the learner's code ---
class DeepRelu:
    def __init__(self, seed=0, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (6, 2))
        self.b1 = np.full((6, 1), 0.1)
        self.W2 = rng.normal(0, 0.5, (6, 6))
        self.b2 = np.full((6, 1), 0.1)
        self.W3 = rng.normal(0, 0.5, (1, 6))
        self.b3 = np.zeros((1, 1))
        self.lr = lr

    def forward(self, A):
        self.z1 = self.W1 @ A + self.b1
        self.h1 = np.maximum(self.z1, 0)
        self.z2 = self.W2 @ self.h1 + self.b2
        self.h2 = np.maximum(self.z2, 0)
        return 1 / (1 + np.exp(-(self.W3 @ self.h2 + self.b3)))

    def train(self, A, T):
        d3 = (self.forward(A) - T) / A.shape[1]
        d2 = (self.W3.T @ d3) * (self.z1 > 0)  # BUG
        d1 = (self.W2.T @ d2) * (self.z2 > 0)  # BUG
        self.W3 -= self.lr * d3 @ self.h2.T
        self.b3 -= self.lr * d3.sum(axis=1, keepdims=True)
        self.W2 -= self.lr * d2 @ self.h1.T
        self.b2 -= self.lr * d2.sum(axis=1, keepdims=True)
        self.W1 -= self.lr * d1 @ A.T
        self.b1 -= self.lr * d1.sum(axis=1, keepdims=True)


def doctor_case():
    return xl.adapt(
        DeepRelu(),
        "W1 b1 W2 b2 W3 b3",
        "train",
        XC,
        YC,
        predict="forward",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the two hidden layers' ReLU masks are swapped in the backward pass",
    "fix": "d2 = (W3.T @ d3) * (z2 > 0); d1 = (W2.T @ d2) * (z1 > 0)",
}

if __name__ == "__main__":
    net = DeepRelu()
    for _ in range(EPOCHS):
        net.train(XC, YC)
    out = net.forward(XC)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - YC).max():.3f}")
