"""Bug: the class's train method re-initialises the weights at the start of every epoch (the
initialisation sits inside the epoch loop), so each epoch starts from scratch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class Model:
    def __init__(self, seed=5, lr=1.0):
        self.seed, self.lr = seed, lr
        self.init_weights()

    def init_weights(self):
        rng = np.random.default_rng(self.seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y, epochs=1):
        for _ in range(epochs):
            self.init_weights()  # BUG: belongs in __init__ only
            d2 = (self.forward(X) - y) / len(X)
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * X.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        Model(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the weights are re-initialised at the start of every epoch",
    "fix": "call init_weights() once, in __init__, not inside the epoch loop",
}

if __name__ == "__main__":
    net = Model()
    net.train(X, y, epochs=EPOCHS)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
