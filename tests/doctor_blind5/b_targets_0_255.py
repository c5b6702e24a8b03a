"""Bug: XOR targets taken from a black-and-white image mask, stored as 0 and 255, fed to a
sigmoid output trained on the mean squared error. The sigmoid can never reach 255. Class,
tanh hidden layer, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
MASK = np.array([[0], [255], [255], [0]], dtype=float)  # the image's pixels
y = MASK  # BUG
EPOCHS = 1500


# --- the learner's code ---
class MaskNet:
    def __init__(self, lr=2.0, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def mse(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def fit(self, X, y):
        out = self.forward(X)
        d2 = 2 * (out - y) * out * (1 - out) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        MaskNet(),
        "W1 b1 W2 b2",
        "fit",
        X,
        y,
        predict="forward",
        loss="mse",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "targets 0/255 for a sigmoid output: unreachable",
    "fix": "y = MASK / 255",
}

if __name__ == "__main__":
    net = MaskNet()
    for _ in range(EPOCHS):
        net.fit(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
