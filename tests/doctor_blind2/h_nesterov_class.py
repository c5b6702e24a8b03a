"""Healthy: a class with Nesterov momentum (the look-ahead-free form), mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


class NesterovNet:
    def __init__(self, seed=11, lr=0.3, mu=0.9):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.mu = lr, mu
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.h = sig(X @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def train_step(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        for k, g in grads.items():
            self.v[k] = self.mu * self.v[k] - self.lr * g
            setattr(self, k, getattr(self, k) + self.mu * self.v[k] - self.lr * g)


def doctor_case():
    return xl.adapt(
        NesterovNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: Nesterov momentum w += mu*v - lr*g after v = mu*v - lr*g is correct",
}

if __name__ == "__main__":
    net = NesterovNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    print(np.round(net.forward(X).ravel(), 3))
