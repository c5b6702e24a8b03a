"""Bug: a class that accumulates per-sample gradients over the epoch and then steps once,
XOR, 2-4-1 tanh, sigmoid output, BCE. The step uses `g[k]`, the last sample's gradient left
over from the loop, for `acc[k]`, the accumulated sum: only sample 3 is ever trained."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AccumNet:
    def __init__(self, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def sample_grads(self, x, t):
        d2 = self.forward(x) - t
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        return {"W1": x.T @ d1, "b1": d1[0], "W2": self.h.T @ d2, "b2": d2[0]}

    def train(self, X, y):
        acc = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        for i in range(len(X)):
            g = self.sample_grads(X[i : i + 1], y[i : i + 1])
            for k in KEYS:
                acc[k] += g[k]
        for k in KEYS:
            param = getattr(self, k)
            param -= self.lr * g[k] / len(X)  # BUG


def doctor_case():
    return xl.adapt(AccumNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the step uses g[k], the last sample's gradient, for the accumulated acc[k]",
    "fix": "param -= self.lr * acc[k] / len(X)",
}

if __name__ == "__main__":
    net = AccumNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
