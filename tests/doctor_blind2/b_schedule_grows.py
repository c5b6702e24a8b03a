"""Bug: a "decay" schedule written lr *= 1.005 per epoch, so the rate grows without end."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class GrowingRate:
    def __init__(self, seed=2, lr=0.2, decay=1.005):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.decay = lr, decay

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return self.h @ self.W2 + self.b2

    def train_epoch(self, X, y):
        out = self.forward(X)
        d2 = 2 * (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
        self.lr *= self.decay  # meant 1 / 1.005


def doctor_case():
    return xl.adapt(
        GrowingRate(),
        "W1 b1 W2 b2",
        "train_epoch",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the rate is multiplied by 1.005 each epoch: MSE 2.1 at epoch 300, then NaN",
    "fix": "lr /= 1.005 (or lr *= 0.995)",
}

if __name__ == "__main__":
    net = GrowingRate()
    with np.errstate(all="ignore"):
        for e in range(EPOCHS):
            net.train_epoch(X, y)
            if e % 300 == 299:
                print(e, net.lr, float(np.mean((net.forward(X) - y) ** 2)))
