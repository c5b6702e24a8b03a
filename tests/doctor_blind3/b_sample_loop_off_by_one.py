"""Bug: a per-sample training loop that runs over range(len(X) - 1), so the last sample,
(1, 1) -> 0, is never trained on (class, squared error per sample, sigmoid units)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


class OnlineNet:
    def __init__(self, seed=3, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.uniform(-1, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sig(X @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def epoch(self, X, y):
        for i in range(len(X) - 1):  # BUG: skips the last sample; range(len(X))
            x, t = X[i : i + 1], y[i : i + 1]
            out = self.forward(x)
            d2 = (out - t) * out * (1 - out)
            d1 = d2 @ self.W2.T * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        OnlineNet(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the per-sample loop stops one sample early: (1, 1) is never trained on",
    "fix": "for i in range(len(X)):",
}

if __name__ == "__main__":
    net = OnlineNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
