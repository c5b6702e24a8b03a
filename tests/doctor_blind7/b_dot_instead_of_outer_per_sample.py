"""Bug: per-sample 1-D code (biases folded into X as a third input of ones, weights stored
(units, inputs)), 3-3-1 tanh with a sigmoid output and BCE. W1's update uses
`np.dot(d1, x)`, a scalar (both vectors have 3 entries), for `np.outer(d1, x)`: every entry
of W1 gets the same step."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
y = np.array([0, 1, 1, 0], dtype=float)
EPOCHS = 600


# --- the learner's code ---
class PerSampleNet:
    def __init__(self, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, 3))
        self.w2 = rng.normal(0, 1, 3)
        self.b2 = np.zeros(1)
        self.lr = lr

    def predict(self, X):
        H = np.tanh(X @ self.W1.T)
        return 1 / (1 + np.exp(-(H @ self.w2 + self.b2)))

    def train(self, X, y):
        for x, t in zip(X, y):
            h = np.tanh(self.W1 @ x)
            out = 1 / (1 + np.exp(-(self.w2 @ h + self.b2)))
            d2 = out - t
            d1 = self.w2 * d2 * (1 - h**2)
            self.w2 -= self.lr * d2 * h
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * np.dot(d1, x)  # BUG


def doctor_case():
    case = xl.adapt(
        PerSampleNet(), "W1 w2 b2", "train", X, y, predict="predict", lr="lr", epochs=EPOCHS
    )
    case["columns"] = True
    return case


EXPECTED = {
    "healthy": False,
    "bug": "W1's step is np.dot(d1, x), one number for every entry, not np.outer(d1, x)",
    "fix": "self.W1 -= self.lr * np.outer(d1, x)",
}

if __name__ == "__main__":
    net = PerSampleNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.predict(X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
