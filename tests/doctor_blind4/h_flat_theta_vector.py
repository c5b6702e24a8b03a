"""Healthy: a class that keeps every parameter in ONE flat vector `theta` (17 numbers) and
unpacks reshaped views of it; the gradient is assembled into a flat vector too and the update
is one line. tanh hidden layer, linear output, mean squared error, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
H = 4


# --- the learner's code ---
class FlatNet:
    def __init__(self, seed=5, lr=0.1):
        rng = np.random.default_rng(seed)
        self.theta = rng.normal(0, 0.8, 2 * H + H + H + 1)
        self.theta[2 * H : 3 * H] = 0.0  # hidden biases
        self.theta[-1] = 0.0  # output bias
        self.lr = lr

    def unpack(self):
        t = self.theta
        W1 = t[: 2 * H].reshape(2, H)
        b1 = t[2 * H : 3 * H]
        W2 = t[3 * H : 4 * H].reshape(H, 1)
        return W1, b1, W2, t[4 * H :]

    def forward(self, X):
        W1, b1, W2, b2 = self.unpack()
        self.h = np.tanh(X @ W1 + b1)
        return self.h @ W2 + b2

    def train(self, X, y):
        W1, b1, W2, b2 = self.unpack()
        e = 2 * (self.forward(X) - y) / len(X)  # d mean (p - y)^2 / dp
        d1 = (e @ W2.T) * (1 - self.h**2)
        g = np.concatenate(
            [(X.T @ d1).ravel(), d1.sum(axis=0), (self.h.T @ e).ravel(), e.sum(axis=0)]
        )
        self.theta -= self.lr * g


def doctor_case():
    return xl.adapt(FlatNet(), "theta", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: one flat parameter vector with views is a layout, not a bug",
}

if __name__ == "__main__":
    net = FlatNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
