"""Healthy: tanh hidden layer, mean BCE plus an L2 penalty on the weights, printed with it."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class DecayNet:
    def __init__(self, seed=5, lr=0.5, lam=1e-4):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.lam = lr, lam

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def loss(self, X, y):
        p = self.forward(X)
        bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        return float(bce + self.lam / 2 * (np.sum(self.W1**2) + np.sum(self.W2**2)))

    def train(self, X, y):
        p = self.forward(X)
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * (self.h.T @ d2 + self.lam * self.W2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1 + self.lam * self.W1)
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        DecayNet(),
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
    "healthy": True,
    "bug": None,
    "fix": "nothing: the decay term lam*W is the gradient of the printed penalty lam/2*|W|^2",
}

if __name__ == "__main__":
    net = DecayNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(net.loss(X, y), np.round(net.forward(X).ravel(), 3))
