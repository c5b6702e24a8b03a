"""Bug: a triangular cyclic rate `lr_max * (1 - abs(t / HALF - 1))` written without the
modulo that restarts each cycle: after the first cycle the rate turns negative and the
updates climb (class, 2-3-1 tanh, sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000
HALF = 500


# --- the learner's code ---
class CyclicNet:
    def __init__(self, lr_max=2.0, seed=138):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr_max, self.t = lr_max, 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        lr = self.lr_max * (1 - abs(self.t / HALF - 1))  # BUG
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= lr * self.h.T @ d2
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * X.T @ d1
        self.b1 -= lr * d1.sum(axis=0)
        self.t += 1


def doctor_case():
    return xl.adapt(
        CyclicNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr_max", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the triangle schedule has no modulo: negative rates after the first cycle",
    "fix": "lr = self.lr_max * (1 - abs((self.t % (2 * HALF)) / HALF - 1))",
}

if __name__ == "__main__":
    net = CyclicNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
