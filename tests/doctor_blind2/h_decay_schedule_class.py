"""Healthy: a class whose learning rate decays as lr0 / (1 + k * epoch), mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ScheduledNet:
    def __init__(self, seed=21, lr0=4.0, k=1e-3):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr0, self.k, self.epoch = lr0, k, 0

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def fit_epoch(self, X, y):
        lr = self.lr0 / (1 + self.k * self.epoch)
        p = self.forward(X)
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= lr * self.h.T @ d2
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * X.T @ d1
        self.b1 -= lr * d1.sum(axis=0)
        self.epoch += 1


def doctor_case():
    return xl.adapt(
        ScheduledNet(),
        "W1 b1 W2 b2",
        "fit_epoch",
        X,
        y,
        predict="forward",
        lr="lr0",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: a decaying schedule lr0 / (1 + k t) is a correct choice",
}

if __name__ == "__main__":
    net = ScheduledNet()
    for _ in range(EPOCHS):
        net.fit_epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
