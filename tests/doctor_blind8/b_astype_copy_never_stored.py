"""Bug: a float32 class (2-3-1 sigmoid, mean BCE, full batch) that keeps its weights float32
with `param = getattr(self, name).astype(np.float32)` before `param -= ...`: astype returns a
copy, which is updated and dropped; the weights never change."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net32:
    def __init__(self, lr=2.0, seed=26):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3)).astype(np.float32)
        self.b1 = np.zeros(3, dtype=np.float32)
        self.W2 = rng.normal(0, 1, (3, 1)).astype(np.float32)
        self.b2 = np.zeros(1, dtype=np.float32)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * self.h * (1 - self.h)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        for name, g in grads.items():
            param = getattr(self, name).astype(np.float32)  # BUG
            param -= np.float32(self.lr) * g


def doctor_case():
    return xl.adapt(
        Net32(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "astype makes a copy: the update lands in a temporary, the weights never move",
    "fix": "param = getattr(self, name)",
}

if __name__ == "__main__":
    net = Net32()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
