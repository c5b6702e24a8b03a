"""Bug: momentum with one velocity per KIND of parameter, self.vW for both weight matrices
and self.vb for both bias vectors (in this 2-2-2 net every layer has the same shapes, so
nothing complains): each layer's step carries the other layer's gradient. Class, sigmoid
hidden, two softmax outputs (one-hot XOR classes), mean cross-entropy, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=float)
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# --- the learner's code ---
class XorSoftmax:
    def __init__(self, lr=0.5, mu=0.9, seed=26):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 2))
        self.b1 = np.zeros(2)
        self.W2 = rng.normal(0, 1, (2, 2))
        self.b2 = np.zeros(2)
        self.lr, self.mu = lr, mu
        self.vW = np.zeros((2, 2))  # BUG
        self.vb = np.zeros(2)

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return softmax(self.h @ self.W2 + self.b2)

    def train(self, X, Y):
        d2 = (self.forward(X) - Y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        for W, b, gW, gb in [
            (self.W2, self.b2, self.h.T @ d2, d2.sum(axis=0)),
            (self.W1, self.b1, X.T @ d1, d1.sum(axis=0)),
        ]:
            self.vW = self.mu * self.vW - self.lr * gW
            self.vb = self.mu * self.vb - self.lr * gb
            W += self.vW
            b += self.vb


def doctor_case():
    return xl.adapt(XorSoftmax(), KEYS, "train", X, Y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "one momentum velocity shared by both layers' weights (and one by both biases)",
    "fix": "one velocity per parameter array",
}

if __name__ == "__main__":
    net = XorSoftmax()
    for _ in range(EPOCHS):
        net.train(X, Y)
    out = net.forward(X)
    print(np.round(out[:, 1], 3), f"max error {np.abs(out - Y).max():.3f}")
