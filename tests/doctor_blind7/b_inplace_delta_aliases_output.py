"""Bug: a class, XOR, 2-4-1 sigmoid, MSE, full batch. The output delta is built in place on
the cached output: `delta = self.out; delta -= y; delta *= self.out * (1 - self.out)`. The
first line does not copy, so the slope is taken of out - y, not of out."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    def __init__(self, lr=2.0, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.hidden = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(self.hidden @ self.W2 + self.b2)
        return self.out

    def train(self, X, y):
        self.forward(X)
        delta = self.out  # BUG
        delta -= y
        delta *= self.out * (1 - self.out)
        delta *= 2 / len(X)
        d_hidden = delta @ self.W2.T * self.hidden * (1 - self.hidden)
        self.W2 -= self.lr * self.hidden.T @ delta
        self.b2 -= self.lr * delta.sum(axis=0)
        self.W1 -= self.lr * X.T @ d_hidden
        self.b1 -= self.lr * d_hidden.sum(axis=0)


def doctor_case():
    return xl.adapt(Net(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "delta = self.out aliases the output, so the in-place lines compute "
    "(out - y) * (out - y) * (1 - (out - y)), not (out - y) * out * (1 - out)",
    "fix": "delta = self.out.copy()",
}

if __name__ == "__main__":
    net = Net()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
