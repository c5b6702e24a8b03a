"""Bug: a class for a 4-item "next item" map (one-hot input i, class i + 1 mod 4), 4-5-4 tanh,
softmax cross-entropy, full batch. The class indices are recovered from the one-hot targets
with `Y.argmax(axis=0)` for `axis=1`: for this square permutation it gives the inverse map
(shapes agree), so the net is trained towards the previous item."""

import numpy as np

import xorlab as xl

X = np.eye(4)
Y = np.eye(4)[[1, 2, 3, 0]]
EPOCHS = 400


# --- the learner's code ---
class NextItem:
    def __init__(self, lr=1.0, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (4, 5))
        self.b1 = np.zeros(5)
        self.W2 = rng.normal(0, 1, (5, 4))
        self.b2 = np.zeros(4)
        self.lr = lr

    def probs(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        s = self.h @ self.W2 + self.b2
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train(self, X, Y):
        labels = Y.argmax(axis=0)  # BUG
        n = len(X)
        ds = self.probs(X)
        ds[np.arange(n), labels] -= 1
        ds /= n
        dh = ds @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ ds
        self.b2 -= self.lr * ds.sum(0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(0)


def doctor_case():
    return xl.adapt(
        NextItem(), "W1 b1 W2 b2", "train", X, Y, predict="probs", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "labels = Y.argmax(axis=0) for axis=1: the inverse permutation, wrong targets",
    "fix": "labels = Y.argmax(axis=1)",
}

if __name__ == "__main__":
    net = NextItem()
    for _ in range(EPOCHS):
        net.train(X, Y)
    out = net.probs(X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
