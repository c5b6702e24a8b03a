"""Healthy, unusual: XOR with two independent sigmoid outputs and one-hot targets (not a
softmax), BCE of each output summed over the two and averaged over the samples; 2-4-2 tanh, a
class updating in place, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
class TwoHeads:
    def __init__(self, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 2))
        self.b2 = np.zeros(2)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def loss(self, X, Y):
        P = self.forward(X)
        return -np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P)) / len(X)

    def train(self, X, Y):
        P = self.forward(X)
        dz2 = (P - Y) / len(X)
        dz1 = dz2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ dz2
        self.b2 -= self.lr * dz2.sum(axis=0)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TwoHeads(),
        "W1 b1 W2 b2",
        "train",
        X,
        Y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = TwoHeads()
    for _ in range(EPOCHS):
        net.train(X, Y)
    out = net.forward(X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
