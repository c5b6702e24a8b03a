"""Buggy: a class whose training method runs its own forward pass (tanh hidden layer) while
the separate `predict` method, written later for evaluation, forgets the tanh: training is
right, but the outputs the learner reads (and prints) come from another, linear-hidden
network with the same weights. Sigmoid output, mean BCE, mini-batches of 2."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class TwoMethods:
    def __init__(self, seed=4, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def predict(self, X):
        h = X @ self.W1 + self.b1  # BUG
        return 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))

    def train(self, X, y):
        for s in range(0, len(X), 2):
            xb, yb = X[s : s + 2], y[s : s + 2]
            h = np.tanh(xb @ self.W1 + self.b1)
            out = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
            d2 = (out - yb) / len(xb)
            d1 = (d2 @ self.W2.T) * (1 - h**2)
            self.W2 -= self.lr * h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * xb.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TwoMethods(), "W1 b1 W2 b2", "train", X, y, predict="predict", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "predict() omits the hidden tanh that train() uses: it evaluates another network",
    "fix": "h = np.tanh(X @ self.W1 + self.b1) in predict",
}

if __name__ == "__main__":
    net = TwoMethods()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.predict(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
