"""Bug: a class with a sharpened softmax, logits divided by T = 0.1, whose gradient
multiplies by T where the chain rule divides: (P - Y) T / n instead of (P - Y) / (n T), every
entry 100 times too small. The task: 3 bits in, which of the 8 inputs it is (8 classes).
tanh hidden layer, full batch."""

import itertools

import numpy as np

import xorlab as xl

X = np.array(list(itertools.product([0, 1], repeat=3)), dtype=float)
Y = np.eye(8)
EPOCHS = 200


# --- the learner's code ---
class SharpSoftmax:
    def __init__(self, T=0.1, lr=0.5, seed=22):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0, 0.3, (8, 8))
        self.b2 = np.zeros(8)
        self.T, self.lr = T, lr

    def probs(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        z = (self.h @ self.W2 + self.b2) / self.T
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def step(self, X, Y):
        dz = (self.probs(X) - Y) * self.T / len(X)  # BUG
        dh = (dz @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ dz
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SharpSoftmax(), "W1 b1 W2 b2", "step", X, Y, predict="probs", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "softmax at temperature T: gradient times T where it should divide by T (1/T^2)",
    "fix": "dz = (self.probs(X) - Y) / (len(X) * self.T)",
}

if __name__ == "__main__":
    net = SharpSoftmax()
    for _ in range(EPOCHS):
        net.step(X, Y)
    out = net.probs(X)
    print(np.round(out.max(axis=1), 3), f"max error {np.abs(out - Y).max():.3f}")
