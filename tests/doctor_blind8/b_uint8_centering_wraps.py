"""Bug: XOR stored as 8-bit "pixels" (0 and 255, uint8); the class centres and scales them
itself in `forward`, `(X - 128) / 128`, but on a uint8 array the subtraction wraps around:
0 becomes 128 and 255 becomes 127, so every input is 1.0 or 0.99. 2-4-1 tanh, sigmoid output,
mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 255], [255, 0], [255, 255]], dtype=np.uint8)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class PixelNet:
    def __init__(self, lr=0.5, seed=27):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.a = (X - 128) / 128.0  # BUG
        self.h = np.tanh(self.a @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * self.a.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        PixelNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "uint8 X - 128 wraps around: inputs 0 and 255 both land near 1.0",
    "fix": "(X.astype(float) - 128) / 128.0",
}

if __name__ == "__main__":
    net = PixelNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
