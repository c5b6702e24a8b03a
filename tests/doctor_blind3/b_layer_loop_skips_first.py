"""Bug: a class with its layers in lists and a loop over layers in the update that starts at
1, so the first layer's weights and biases are never updated (off by one); two tanh hidden
layers, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class Deep:
    def __init__(self, sizes=(2, 2, 2, 1), seed=3, lr=1.0):
        rng = np.random.default_rng(seed)
        self.Ws = [rng.normal(0, 1, (a, b)) for a, b in zip(sizes, sizes[1:])]
        self.bs = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        self.a = [X]
        for i, (W, b) in enumerate(zip(self.Ws, self.bs)):
            z = self.a[-1] @ W + b
            last = i == len(self.Ws) - 1
            self.a.append(1 / (1 + np.exp(-z)) if last else np.tanh(z))
        return self.a[-1]

    def train(self, X, y):
        out = self.forward(X)
        delta = (out - y) / len(X)
        gW, gb = [None] * len(self.Ws), [None] * len(self.Ws)
        for i in reversed(range(len(self.Ws))):
            gW[i], gb[i] = self.a[i].T @ delta, delta.sum(axis=0)
            delta = delta @ self.Ws[i].T * (1 - self.a[i] ** 2)
        for i in range(1, len(self.Ws)):  # BUG: range(len(self.Ws)); layer 0 never moves
            self.Ws[i] -= self.lr * gW[i]
            self.bs[i] -= self.lr * gb[i]


def doctor_case():
    return xl.adapt(
        Deep(),
        "Ws.0 bs.0 Ws.1 bs.1 Ws.2 bs.2",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the update loop starts at layer 1: the first layer is never trained",
    "fix": "for i in range(len(self.Ws)):",
}

if __name__ == "__main__":
    net = Deep()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
