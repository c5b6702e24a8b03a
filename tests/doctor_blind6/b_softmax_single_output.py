"""Bug: a binary XOR classifier with ONE output unit passed through softmax (copied from a
multi-class tutorial): softmax of a single logit is always exactly 1, so the output never
moves and the cross-entropy gradient P - y is not the slope of anything. Class, 2-4-1, tanh
hidden, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Classifier:
    def __init__(self, lr=0.5, seed=20):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return softmax(self.h @ self.W2 + self.b2)  # BUG

    def train(self, X, y):
        P = self.forward(X)
        dz = (P - y) / len(X)
        dh = (dz @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ dz
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(Classifier(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "softmax over a single output unit: always 1",
    "fix": "a sigmoid for one output (or two softmax outputs)",
}

if __name__ == "__main__":
    net = Classifier()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
