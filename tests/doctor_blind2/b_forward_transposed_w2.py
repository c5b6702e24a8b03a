"""Bug: two hidden layers of 3; the forward pass uses W2.T everywhere (consistently), but the
backward pass computes the gradient for h1 @ W2 (it is the transpose of the true one)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
class DeepNet:
    def __init__(self, seed=6, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 3)), np.zeros(3)  # (out, in) by intent
        self.W3, self.b3 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h1 = np.tanh(X @ self.W1 + self.b1)
        self.h2 = np.tanh(self.h1 @ self.W2.T + self.b2)
        return 1 / (1 + np.exp(-(self.h2 @ self.W3 + self.b3)))

    def train(self, X, y):
        p = self.forward(X)
        d3 = (p - y) / len(X)
        d2 = (d3 @ self.W3.T) * (1 - self.h2**2)
        d1 = (d2 @ self.W2) * (1 - self.h1**2)  # right: W2.T in forward means W2 here
        self.W3 -= self.lr * self.h2.T @ d3
        self.b3 -= self.lr * d3.sum(0)
        self.W2 -= self.lr * self.h1.T @ d2  # should be d2.T @ self.h1
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def doctor_case():
    return xl.adapt(
        DeepNet(), "W1 b1 W2 b2 W3 b3", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "W2 gradient transposed (forward uses W2.T): stuck at MSE 0.125 at this seed,"
    " where the right gradient fits; learns only by luck (9 of seeds 0-9)",
    "fix": "self.W2 -= self.lr * d2.T @ self.h1",
}

if __name__ == "__main__":
    net = DeepNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    print(np.round(net.forward(X).ravel(), 3))
