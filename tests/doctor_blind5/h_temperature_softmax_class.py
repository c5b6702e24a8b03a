"""Healthy: a class whose softmax divides its logits by a temperature T = 2, with the
matching cross-entropy gradient (P - Y) / (n T). The task: two bits in, which of the four
inputs it is out (one-hot over 4 classes). tanh hidden layer, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.eye(4)
EPOCHS = 600


# --- the learner's code ---
class TempSoftmaxNet:
    def __init__(self, hidden=6, T=2.0, lr=1.0, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, 4))
        self.b2 = np.zeros(4)
        self.T, self.lr = T, lr

    def probs(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        z = (self.h @ self.W2 + self.b2) / self.T
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, Y):
        return float(-np.mean(np.sum(Y * np.log(self.probs(X)), axis=1)))

    def fit_epoch(self, X, Y):
        P = self.probs(X)
        dz = (P - Y) / (len(X) * self.T)  # d loss / d (h W2 + b2): the 1/T of the chain rule
        dh = (dz @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ dz
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TempSoftmaxNet(),
        "W1 b1 W2 b2",
        "fit_epoch",
        X,
        Y,
        predict="probs",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: a softmax at temperature T has the gradient (P - Y) / T per sample",
}

if __name__ == "__main__":
    net = TempSoftmaxNet()
    for _ in range(EPOCHS):
        net.fit_epoch(X, Y)
    out = net.probs(X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
