"""Bug: a per-sample loop whose forward pass runs on the whole X while the error uses the one
target y[i]: out (4, 1) - y[i] pushes every sample's output toward sample i's target, so over
an epoch everything is pulled to the mean target. Class, 2-4-1, tanh hidden, sigmoid output,
BCE delta, XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class OnlineNet:
    def __init__(self, lr=0.3, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        for i in range(len(X)):
            out = self.forward(X)  # BUG
            d2 = (out - y[i]) / len(out)
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * X.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(OnlineNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "per-sample loop runs forward on all of X against the one target y[i]",
    "fix": "forward the one sample: x = X[i:i+1] in forward, the error and the W1 update",
}

if __name__ == "__main__":
    net = OnlineNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
