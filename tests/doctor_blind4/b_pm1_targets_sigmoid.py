"""Buggy: a class trained one sample at a time on labels -1/+1 (converted with 2 y - 1, as
for a tanh or SVM output) but with a SIGMOID output and the BCE delta p - y: a sigmoid can
never reach -1, so the -1 samples push their logit down forever. tanh hidden layer."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y01 = np.array([[0], [1], [1], [0]], dtype=float)
y = 2 * y01 - 1  # BUG
EPOCHS = 1000


# --- the learner's code ---
class SignNet:
    def __init__(self, seed=5, lr=0.2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        SignNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "labels -1/+1 with a sigmoid output and the BCE delta: the -1 targets are unreachable",
    "fix": "keep the labels 0/1 (y = y01), or use a tanh output with a loss made for -1/+1",
}

if __name__ == "__main__":
    net = SignNet()
    with np.errstate(over="ignore"):
        for _ in range(EPOCHS):
            net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
