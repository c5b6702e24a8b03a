"""Bug: the forward pass forgets the hidden tanh (h = X W1 + b1), while the backward pass
still multiplies by 1 - h**2 (class, mean BCE, full batch)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class Net:
    def __init__(self, seed=4, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 0.5, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 0.5, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = X @ self.W1 + self.b1  # BUG: np.tanh(...) forgotten
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def backprop(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        Net(), "W1 b1 W2 b2", "backprop", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the hidden layer has no activation in the forward pass (the network is linear)",
    "fix": "self.h = np.tanh(X @ self.W1 + self.b1)",
}

if __name__ == "__main__":
    net = Net()
    with np.errstate(all="ignore"):  # it overflows: silence numpy's warnings here
        for _ in range(EPOCHS):
            net.backprop(X, y)
        out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
