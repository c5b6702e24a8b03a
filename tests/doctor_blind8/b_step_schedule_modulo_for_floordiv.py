"""Bug: a class with a step schedule meant to halve the rate every 500 epochs,
`lr = base * 0.5 ** (epoch // 500)`, typed with `%`: the rate is halved at every epoch of
each 500 and comes back to the base rate only at its start, so it is nearly 0 most of the
time. 2-4-1 tanh, sigmoid output, mean BCE, full batch, epoch counter on the object."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class StepNet:
    def __init__(self, lr=1.0, seed=56):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.epoch = lr, 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        lr = self.lr * 0.5 ** (self.epoch % 500)  # BUG
        self.epoch += 1
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= lr * self.h.T @ d2
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * X.T @ d1
        self.b1 -= lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        StepNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "step schedule typed epoch % 500 for epoch // 500: the rate halves every epoch",
    "fix": "0.5 ** (self.epoch // 500)",
}

if __name__ == "__main__":
    net = StepNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
