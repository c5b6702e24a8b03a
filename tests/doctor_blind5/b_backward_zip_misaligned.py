"""Bug: a 2-2-2-1 net kept as lists; the backward loop zips the reversed weights with the
activations in forward order, so each layer's weight gradient uses the wrong layer's
input (the widths are equal, so the shapes agree). tanh hidden layers, sigmoid output,
mean BCE, full batch. Class adapted with the paths "W.0", "b.0", ..."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class Stack:
    def __init__(self, sizes=(2, 2, 2, 1), lr=1.0, seed=18):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0, 1, (a, b)) for a, b in zip(sizes, sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        self.inputs = []
        a = X
        for i in range(len(self.W)):
            self.inputs.append(a)
            z = a @ self.W[i] + self.b[i]
            a = np.tanh(z) if i < len(self.W) - 1 else 1 / (1 + np.exp(-z))
        return a

    def train(self, X, y):
        delta = (self.forward(X) - y) / len(X)
        grads = []
        for W, a in zip(reversed(self.W), self.inputs):  # BUG
            grads.append((a.T @ delta, delta.sum(axis=0)))
            delta = (delta @ W.T) * (1 - a**2)
        for i, (gW, gb) in enumerate(reversed(grads)):
            self.W[i] -= self.lr * gW
            self.b[i] -= self.lr * gb


def doctor_case():
    names = "W.0 b.0 W.1 b.1 W.2 b.2"
    return xl.adapt(Stack(), names, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "backward zips reversed(W) with the inputs in forward order: wrong activations",
    "fix": "zip(reversed(self.W), reversed(self.inputs))",
}

if __name__ == "__main__":
    net = Stack()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
