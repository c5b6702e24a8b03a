"""Bug: a step-decay schedule meant to halve the rate every 500 epochs halves it every
epoch (the learner wrote 0.5 ** epoch instead of 0.5 ** (epoch // 500))."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class StepDecay:
    def __init__(self, seed=21, lr=2.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.epoch = lr, 0

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def fit(self, X, y):
        rate = self.lr * 0.5**self.epoch  # meant 0.5 ** (self.epoch // 500)
        p = self.forward(X)
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= rate * self.h.T @ d2
        self.b2 -= rate * d2.sum(axis=0)
        self.W1 -= rate * X.T @ d1
        self.b1 -= rate * d1.sum(axis=0)
        self.epoch += 1


def doctor_case():
    return xl.adapt(
        StepDecay(), "W1 b1 W2 b2", "fit", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the rate halves every epoch: it is ~0 after 50 epochs and the loss freezes",
    "fix": "rate = lr * 0.5 ** (epoch // 500)",
}

if __name__ == "__main__":
    net = StepDecay()
    for _ in range(EPOCHS):
        net.fit(X, y)
    print(np.round(net.forward(X).ravel(), 3))
