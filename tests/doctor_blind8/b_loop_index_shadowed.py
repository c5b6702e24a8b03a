"""Bug: a class trained one sample at a time, 2-3-1 tanh, sigmoid output, BCE; the hidden
delta is written as a loop over the units that reuses the name `i` of the loop over samples,
so the hidden weights' step reads `X[i : i + 1]` of the last unit's index (sample 2) for the
current sample."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class LoopNet:
    def __init__(self, hidden=3, lr=0.5, seed=34):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, hidden)), np.zeros((1, hidden))
        self.W2, self.b2 = rng.normal(0, 1, (hidden, 1)), np.zeros((1, 1))
        self.hidden, self.lr = hidden, lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):
            d2 = self.forward(X[i : i + 1]) - y[i : i + 1]
            d1 = np.zeros((1, self.hidden))
            for i in range(self.hidden):  # BUG
                d1[0, i] = d2[0, 0] * self.W2[i, 0] * (1 - self.h[0, i] ** 2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * X[i : i + 1].T @ d1
            self.b1 -= self.lr * d1


def doctor_case():
    return xl.adapt(
        LoopNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the inner loop over units reuses i: W1's step takes the input of sample 2",
    "fix": "name the inner loop's index j",
}

if __name__ == "__main__":
    net = LoopNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
