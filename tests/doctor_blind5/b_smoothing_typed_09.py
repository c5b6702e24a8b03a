"""Bug: a class that smooths its labels toward the middle, targets (1 - s) y + s / 2, with
s typed 0.9 where 0.1 was meant: the targets become 0.45 and 0.55, and the network learns
them, outputs hugging 0.5. tanh hidden, sigmoid output, BCE against the smoothed targets,
full batch. The doctor gets the true labels, as its docs ask."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
class SmoothNet:
    def __init__(self, smoothing=0.9, lr=1.0, seed=24):  # BUG
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.s, self.lr = smoothing, lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        t = (1 - self.s) * y + self.s / 2
        d2 = (self.forward(X) - t) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
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
    "bug": "label smoothing typed 0.9 for 0.1: targets 0.45/0.55",
    "fix": "a small smoothing such as 0.02 (targets 0.01/0.99)",
}

if __name__ == "__main__":
    net = SmoothNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
