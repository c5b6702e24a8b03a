"""Bug: a class on 8 points (XOR's corners and a seeded jittered copy), 2-4-1 tanh, sigmoid
output, BCE, that accumulates per-sample gradients over the epoch and divides by the number
of samples to take their mean; the division is indented into the loop over samples, so the
accumulator is divided at every sample: the first sample counts 8**-7 of the last."""

import numpy as np

import xorlab as xl

corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([corners, corners + np.random.default_rng(60).normal(0, 0.1, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
KEYS = ("W1", "b1", "W2", "b2")
EPOCHS = 1500


# --- the learner's code ---
class AccNet:
    def __init__(self, lr=1.0, seed=57):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        acc = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        for i in range(len(X)):
            x = X[i : i + 1]
            d2 = self.forward(x) - y[i : i + 1]
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            acc["W2"] += self.h.T @ d2
            acc["b2"] += d2[0]
            acc["W1"] += x.T @ d1
            acc["b1"] += d1[0]
            for k in KEYS:  # BUG
                acc[k] /= len(X)
        for k in KEYS:
            getattr(self, k)[...] -= self.lr * acc[k]


def doctor_case():
    return xl.adapt(
        AccNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the division by n is inside the sample loop: sample i weighs n**-(n - i)",
    "fix": "dedent the division loop out of the loop over samples",
}

if __name__ == "__main__":
    net = AccNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
