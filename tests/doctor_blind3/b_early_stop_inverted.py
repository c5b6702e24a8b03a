"""Bug: early stopping with its comparison reversed: the train method returns without a step
while the loss is ABOVE the tolerance, so it never trains (class, mean BCE)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class StopNet:
    def __init__(self, seed=6, lr=1.0, tol=0.01):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.tol = lr, tol

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def loss(self, X, y):
        p = self.forward(X)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def train_step(self, X, y):
        if self.loss(X, y) > self.tol:  # BUG: meant "< self.tol" (stop once good enough)
            return
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        StopNet(),
        "W1 b1 W2 b2",
        "train_step",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the early-stopping test is reversed: no step is ever taken while the loss is high",
    "fix": "if self.loss(X, y) < self.tol: return",
}

if __name__ == "__main__":
    net = StopNet()
    start = net.loss(X, y)
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(f"loss {start:.4f} -> {net.loss(X, y):.4f}", np.round(out.ravel(), 3))
