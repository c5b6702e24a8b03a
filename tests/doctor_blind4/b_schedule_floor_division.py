"""Buggy: a class with a 1/t learning-rate decay typed with floor division,
lr // (1 + decay * epoch): 1.0 // 1.001 is 0.0, so after the first epoch every step is 0.
tanh hidden layer, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class DecayNet:
    def __init__(self, seed=5, lr=1.0, decay=1e-3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr, self.decay, self.epoch = lr, decay, 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        rate = self.lr // (1 + self.decay * self.epoch)  # BUG
        self.epoch += 1
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= rate * self.h.T @ d2
        self.b2 -= rate * d2.sum(axis=0)
        self.W1 -= rate * X.T @ d1
        self.b1 -= rate * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        DecayNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the decay is written with // (floor division): the rate is 0 after the first epoch",
    "fix": "rate = self.lr / (1 + self.decay * self.epoch)",
}

if __name__ == "__main__":
    net = DecayNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
