"""Bug: a class with integer 0/1 targets that smooths them slightly inside its training,
`t = (y * 0.98 + 0.01).astype(y.dtype)` (to keep the targets' dtype): cast to int, 0.01 and
0.99 both become 0, so every target is 0. 2-4-1 tanh, sigmoid output, mean BCE against the
smoothed targets, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]])
EPOCHS = 1500


# --- the learner's code ---
class SmoothNet:
    def __init__(self, lr=0.5, seed=61):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        t = (y * 0.98 + 0.01).astype(y.dtype)  # BUG
        out = self.forward(X)
        d2 = (out - t) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SmoothNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "smoothed targets cast back to the int dtype of y: every target becomes 0",
    "fix": "t = y * 0.98 + 0.01 (no cast)",
}

if __name__ == "__main__":
    net = SmoothNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
