"""Bug: a 2-2-1 class (two inputs, two hidden units, so X and h have the same shape) whose
output-weight gradient is written with the inputs, X.T @ d2, instead of the hidden
activations h.T @ d2; nothing complains about shapes. Mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
class Small:
    def __init__(self, seed=0, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 2))
        self.b1 = np.zeros(2)
        self.W2 = rng.normal(0, 1, (2, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * X.T @ d2  # BUG: self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(Small(), "W1 b1 W2 b2", "step", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the output weights' gradient uses the inputs X instead of the hidden activations h",
    "fix": "self.W2 -= self.lr * self.h.T @ d2",
}

if __name__ == "__main__":
    net = Small()
    for _ in range(EPOCHS):
        net.step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
