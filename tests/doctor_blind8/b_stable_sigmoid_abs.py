"""Bug: a class whose output sigmoid is written "safe from overflow" as
`1 / (1 + np.exp(-np.abs(z)))`: it is at least 0.5 whatever z, so targets 0 are out of
reach, while the backward pass is the usual `out - y`. 2-4-1 tanh, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def safe_sigmoid(z):
    return 1 / (1 + np.exp(-np.abs(z)))  # BUG


class SafeNet:
    def __init__(self, lr=0.5, seed=47):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return safe_sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SafeNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "sigmoid of |z|: outputs never below 0.5, and out - y is not its gradient",
    "fix": "np.exp(-np.clip(z, -500, 500))",
}

if __name__ == "__main__":
    net = SafeNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
