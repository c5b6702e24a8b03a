"""Bug: circle vs ring measured in centimetres (6 points at radius 10 labelled 1, 6 at radius
25 labelled 0), scaled with `X_cm // 30` (floor division) for `X_cm / 30`: every coordinate
becomes -1 or 0, and points of both classes get the same inputs. A class, 2-8-1 tanh, sigmoid
output, BCE, full batch."""

import numpy as np

import xorlab as xl

angles = np.linspace(0, 2 * np.pi, 6, endpoint=False)
X_cm = np.vstack(
    [
        10 * np.c_[np.cos(angles), np.sin(angles)],
        25 * np.c_[np.cos(angles + 0.5), np.sin(angles + 0.5)],
    ]
)
X = X_cm // 30  # BUG
y = np.r_[np.ones(6), np.zeros(6)].reshape(-1, 1)
EPOCHS = 1500


# --- the learner's code ---
class RingNet:
    def __init__(self, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0, 1, (8, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def doctor_case():
    return xl.adapt(
        RingNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "X_cm // 30 (floor division) for X_cm / 30: inputs become -1 or 0, both classes "
    "share inputs",
    "fix": "X = X_cm / 30",
}

if __name__ == "__main__":
    net = RingNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
