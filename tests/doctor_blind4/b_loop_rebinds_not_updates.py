"""Buggy: a class keeping its layers in lists (self.W, self.b) and updating them in a loop,
`for w, g in zip(...): w = w - lr * g`: that rebinds the loop variable to a new array and
leaves the list's arrays as they were, so nothing ever moves. tanh hidden layer, sigmoid
output, BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class ListNet:
    def __init__(self, sizes=(2, 4, 1), seed=3, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0, 1, (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        self.acts = [X]
        a = X
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W + b
            a = np.tanh(z) if i < len(self.W) - 1 else 1 / (1 + np.exp(-z))
            self.acts.append(a)
        return a

    def train(self, X, y):
        d = (self.forward(X) - y) / len(X)
        gW, gb = [None] * len(self.W), [None] * len(self.b)
        for i in reversed(range(len(self.W))):
            gW[i], gb[i] = self.acts[i].T @ d, d.sum(axis=0)
            if i > 0:
                d = (d @ self.W[i].T) * (1 - self.acts[i] ** 2)
        for w, g in zip(self.W + self.b, gW + gb):
            w = w - self.lr * g  # BUG


def doctor_case():
    return xl.adapt(
        ListNet(), "W.0 b.0 W.1 b.1", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "w = w - lr * g rebinds the loop variable: the arrays in the lists never change",
    "fix": "w -= self.lr * g (update in place)",
}

if __name__ == "__main__":
    net = ListNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
