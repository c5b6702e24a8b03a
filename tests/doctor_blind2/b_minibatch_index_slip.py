"""Bug: a mini-batch loop whose slice uses the batch number instead of the start index,
so the batches are X[0:2] and X[1:3]: sample 4 is never seen, sample 2 twice."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
BATCH = 2


# --- the learner's code ---
class BatchNet:
    def __init__(self, seed=16, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def epoch(self, X, y):
        for b in range(len(X) // BATCH):
            xb, yb = X[b : b + BATCH], y[b : b + BATCH]  # should be b * BATCH
            h = np.tanh(xb @ self.W1 + self.b1)
            p = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
            d2 = (p - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * (1 - h**2)
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2.sum(0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(0)


def doctor_case():
    return xl.adapt(
        BatchNet(), "W1 b1 W2 b2", "epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "batches X[b:b+2] overlap and skip the last sample: (1, 1) is never trained on",
    "fix": "xb = X[b * BATCH : (b + 1) * BATCH] (same for y)",
}

if __name__ == "__main__":
    net = BatchNet()
    for _ in range(EPOCHS):
        net.epoch(X, y)
    print(np.round(net.forward(X).ravel(), 3))
