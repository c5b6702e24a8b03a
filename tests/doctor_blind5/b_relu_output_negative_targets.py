"""Bug: the identity map on -1/+1 inputs (2-6-2), written with a list of activations, one per
layer, and ReLU left on the output layer too: the outputs can never go below 0, so every
-1 target is out of reach. The backward pass (masks included) is right for this network.
Class, mean squared error, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[-1, -1], [-1, 1], [1, -1], [1, 1]], dtype=float)
y = X.copy()
EPOCHS = 600


# --- the learner's code ---
def relu(z):
    return np.maximum(0, z)


def relu_slope(z):
    return (z > 0).astype(float)


def identity(z):
    return z


def ones(z):
    return np.ones_like(z)


class Copier:
    def __init__(self, lr=0.1, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 6))
        self.b1 = np.full(6, 0.1)
        self.W2 = rng.normal(0, 0.5, (6, 2))
        self.b2 = np.zeros(2)
        self.lr = lr
        self.acts = [(relu, relu_slope), (relu, relu_slope)]  # BUG

    def forward(self, X):
        (f1, _), (f2, _) = self.acts
        self.z1 = X @ self.W1 + self.b1
        self.h = f1(self.z1)
        self.z2 = self.h @ self.W2 + self.b2
        return f2(self.z2)

    def train(self, X, y):
        (_, s1), (_, s2) = self.acts
        d2 = (self.forward(X) - y) * s2(self.z2) / len(X)
        d1 = (d2 @ self.W2.T) * s1(self.z1)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        Copier(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "ReLU on the output layer: outputs >= 0 cannot reach the -1 targets",
    "fix": "a linear output: self.acts = [(relu, relu_slope), (identity, ones)]",
}

if __name__ == "__main__":
    net = Copier()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
