"""Bug: a class with a decoupled weight decay applied before each step, 2-4-1 tanh, sigmoid
output, mean BCE, full batch: `param *= self.wd` for `param *= 1 - self.wd`, which wipes
every parameter to a ten-thousandth of itself at each epoch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class DecayNet:
    def __init__(self, lr=0.5, wd=1e-4, seed=38):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.wd = lr, wd

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        for k, g in grads.items():
            param = getattr(self, k)
            param *= self.wd  # BUG
            param -= self.lr * g


def doctor_case():
    return xl.adapt(
        DecayNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "decoupled decay written param *= wd for param *= 1 - wd: weights wiped each epoch",
    "fix": "param *= 1 - self.wd",
}

if __name__ == "__main__":
    net = DecayNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
