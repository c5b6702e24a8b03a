"""Bug: the momentum coefficient typed 9 for 0.9: the velocity grows ninefold each step and
the weights blow up to inf/NaN. Class, 2-4-1, tanh hidden, sigmoid output, mean BCE, full
batch on XOR; the gradient is right."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class MomentumNet:
    def __init__(self, lr=0.3, momentum=9, seed=18):  # BUG
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.momentum = lr, momentum
        self.v = [np.zeros_like(getattr(self, k)) for k in KEYS]

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = [X.T @ d1, d1.sum(axis=0), self.h.T @ d2, d2.sum(axis=0)]
        for i, k in enumerate(KEYS):
            self.v[i] = self.momentum * self.v[i] + grads[i]
            getattr(self, k)[...] -= self.lr * self.v[i]


def doctor_case():
    return xl.adapt(
        MomentumNet(), KEYS, "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "momentum coefficient 9 (typed for 0.9): the velocity explodes",
    "fix": "momentum=0.9",
}

if __name__ == "__main__":
    net = MomentumNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
