"""Bug: hand-set integer weights updated in place with [:] =, which truncates every step."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class IntNet:
    def __init__(self, lr=0.5):
        self.W1 = np.array([[1, -1], [-1, 1]])  # integers: dtype int64
        self.b1 = np.array([0, 0])
        self.W2 = np.array([[1], [1]])
        self.b2 = np.array([0])
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2[:] = self.W2 - self.lr * self.h.T @ d2  # keeps the int dtype: truncates
        self.b2[:] = self.b2 - self.lr * d2.sum(axis=0)
        self.W1[:] = self.W1 - self.lr * X.T @ d1
        self.b1[:] = self.b1 - self.lr * d1.sum(axis=0)


# --- the adaptation (field guide, "Class-based code: the adapter") ---
def doctor_case():
    return xl.adapt(
        IntNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "integer weight arrays: every in-place update is truncated to an integer",
    "fix": "create the weights as floats (np.array(..., dtype=float))",
}

if __name__ == "__main__":
    net = IntNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(net.W1.tolist(), np.round(net.forward(X).ravel(), 3))
