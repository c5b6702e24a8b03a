"""Bug: weights stored as float16 "to save memory"; small per-sample updates round away."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float16)
y = np.array([[0], [1], [1], [0]], dtype=np.float16)
EPOCHS = 6000


# --- the learner's code ---
class HalfNet:
    def __init__(self, seed=7, lr=0.002):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 2, (2, 4)).astype(np.float16)
        self.b1 = np.zeros(4, np.float16)
        self.W2 = rng.normal(0, 2, (4, 1)).astype(np.float16)
        self.b2 = np.zeros(1, np.float16)
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def sgd(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            h = np.tanh(x @ self.W1 + self.b1)
            p = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
            d2 = p - t
            d1 = (d2 @ self.W2.T) * (1 - h**2)
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]


def doctor_case():
    return xl.adapt(
        HalfNet(), "W1 b1 W2 b2", "sgd", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "float16 weights: small updates round to nothing; no fit (float64 fits in 6000)",
    "fix": "keep the weights in float64 (or float32)",
}

if __name__ == "__main__":
    net = HalfNet()
    for _ in range(EPOCHS):
        net.sgd(X, y)
    print(np.round(net.forward(X).astype(float).ravel(), 3))
