"""Bug: the training method returns the running loss from INSIDE its per-sample loop (the
`return` indented one level too deep): each epoch trains on the first sample only. Class,
2-4-1, sigmoid hidden and output, BCE delta, XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the learner's code ---
class StochasticNet:
    def __init__(self, lr=0.5, seed=24):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        total = 0.0
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            out = self.forward(x)
            total += float(-(t * np.log(out) + (1 - t) * np.log(1 - out)).sum())
            d2 = out - t
            d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)
            return total / len(X)  # BUG


def doctor_case():
    return xl.adapt(StochasticNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "`return` inside the per-sample loop: only the first sample is trained",
    "fix": "dedent the return out of the loop",
}

if __name__ == "__main__":
    net = StochasticNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
