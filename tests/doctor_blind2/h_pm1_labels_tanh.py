"""Healthy: labels in {-1, +1}, tanh hidden and tanh output, mean squared error, a class."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[-1], [1], [1], [-1]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class TanhNet:
    def __init__(self, seed=4, lr=0.1):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 0.8, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 0.8, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return np.tanh(self.h @ self.W2 + self.b2)

    def step(self, X, y):
        out = self.forward(X)
        d2 = 2 * (out - y) / len(X) * (1 - out**2)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))


def doctor_case():
    return xl.adapt(
        TanhNet(),
        "W1 b1 W2 b2",
        "step",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: targets -1/+1 suit a tanh output; sign(output) is the class",
}

if __name__ == "__main__":
    net = TanhNet()
    for _ in range(EPOCHS):
        net.step(X, y)
    print(net.loss(X, y), np.round(net.forward(X).ravel(), 3))
