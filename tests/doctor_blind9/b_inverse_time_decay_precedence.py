"""Bug: an inverse-time decay typed `lr0 / 1 + k * t` for `lr0 / (1 + k * t)`: the rate grows
by k every epoch instead of falling (class, one sample at a time with (1, d) rows, 2-3-1
tanh, sigmoid output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
class DecayNet:
    def __init__(self, lr0=0.5, k=0.05, seed=118):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr0, self.k, self.t = lr0, k, 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        lr = self.lr0 / 1 + self.k * self.t  # BUG
        for i in range(len(X)):
            x = X[i : i + 1]
            d2 = self.forward(x) - y[i : i + 1]
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            self.W2 -= lr * self.h.T @ d2
            self.b2 -= lr * d2[0]
            self.W1 -= lr * x.T @ d1
            self.b1 -= lr * d1[0]
        self.t += 1


def doctor_case():
    return xl.adapt(
        DecayNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr0", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "operator precedence: lr0 / 1 + k * t grows with t",
    "fix": "lr = self.lr0 / (1 + self.k * self.t)",
}

if __name__ == "__main__":
    net = DecayNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
