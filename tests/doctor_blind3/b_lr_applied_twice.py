"""Bug: the backward method already multiplies each gradient by the learning rate, and the
update multiplies by it again: every step is lr**2 * g (class, mean BCE, sigmoid units)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class TwoLayer:
    def __init__(self, seed=2, lr=0.2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def backward(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * self.h * (1 - self.h)
        g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        return {k: self.lr * v for k, v in g.items()}  # the step, scaled by lr

    def train_step(self, X, y):
        for k, g in self.backward(X, y).items():
            setattr(self, k, getattr(self, k) - self.lr * g)  # BUG: lr applied a second time


def doctor_case():
    return xl.adapt(
        TwoLayer(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the learning rate multiplies the gradient twice (step lr**2 * g)",
    "fix": "return the plain gradients from backward (or drop the second lr in the update)",
}

if __name__ == "__main__":
    net = TwoLayer()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
