"""Buggy: a class with an activation for its output logit, `act_out`, whose default was left at
ReLU: out = sigmoid(relu(z2)) is never below 0.5, and the backward pass, written for
sigmoid(z2), skips that ReLU. tanh hidden layer, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def relu(z):
    return np.maximum(z, 0)


class Layered:
    def __init__(self, sizes=(2, 4, 1), seed=1, lr=0.5, act_out=relu):  # BUG
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (sizes[0], sizes[1]))
        self.b1 = np.zeros(sizes[1])
        self.W2 = rng.normal(0, 1, (sizes[1], sizes[2]))
        self.b2 = np.zeros(sizes[2])
        self.lr, self.act_out = lr, act_out

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-self.act_out(self.h @ self.W2 + self.b2)))

    def fit(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        Layered(), "W1 b1 W2 b2", "fit", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "a ReLU on the output logit before the sigmoid: outputs never go below 0.5",
    "fix": "no activation on the logit (act_out = identity): out = sigmoid(h @ W2 + b2)",
}

if __name__ == "__main__":
    net = Layered()
    for _ in range(EPOCHS):
        net.fit(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
