"""Healthy: a class with heavy-ball momentum in the "v = mu v + g; w -= lr v" form (the
velocity holds gradients, not steps), mini-batches of 2 in a fixed order, and the learning
rate 0.1 written as a number inside the method. tanh hidden layer, sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class HeavyBall:
    def __init__(self, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.vel = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def run_epoch(self, X, y):
        for s in range(0, len(X), 2):
            xb, yb = X[s : s + 2], y[s : s + 2]
            d2 = (self.forward(xb) - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            g = {"W1": xb.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
            for k in NAMES:
                self.vel[k] = 0.9 * self.vel[k] + g[k]
                setattr(self, k, getattr(self, k) - 0.1 * self.vel[k])


def doctor_case():
    return xl.adapt(
        HeavyBall(), "W1 b1 W2 b2", "run_epoch", X, y, predict="forward", lr=0.1, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: v = mu v + g, w -= lr v is momentum with the rate outside the velocity",
}

if __name__ == "__main__":
    net = HeavyBall()
    for _ in range(EPOCHS):
        net.run_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
