"""Bug: per-sample 1-D code with weights stored (units, inputs) (z = W1 @ x + b1) whose
first-layer gradient is written np.outer(x, d1), the transpose of np.outer(d1, x). With 2
inputs and 2 hidden units W1 is square, so the shapes agree. Class, 2-2-1 sigmoid network,
BCE delta, XOR one sample at a time."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class OnlineNet:
    def __init__(self, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 2))
        self.b1 = np.zeros(2)
        self.W2 = rng.normal(0, 1, (1, 2))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        H = sigmoid(X @ self.W1.T + self.b1)
        return sigmoid(H @ self.W2.T + self.b2)

    def train(self, X, y):
        for x, t in zip(X, y):
            h = sigmoid(self.W1 @ x + self.b1)
            out = sigmoid(self.W2 @ h + self.b2)
            d2 = out - t
            d1 = (self.W2.T @ d2) * h * (1 - h)
            self.W2 -= self.lr * np.outer(d2, h)
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * np.outer(x, d1)  # BUG
            self.b1 -= self.lr * d1


def doctor_case():
    case = xl.adapt(OnlineNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)
    case["columns"] = True
    return case


EXPECTED = {
    "healthy": False,
    "bug": "W1's gradient written np.outer(x, d1), transposed (square layer)",
    "fix": "np.outer(d1, x)",
}

if __name__ == "__main__":
    net = OnlineNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
