"""Buggy: a class that caches both the output's logit `self.z2` and the output `self.out`
takes its output delta from the wrong one, `self.z2 - y` for `self.out - y`: the logits are
pulled to 0 and 1, so the outputs sit near 0.5 and 0.73 (2-4-1 tanh, sigmoid output, mean
BCE, full batch, a tiny 2-D set: 8 points in two bands)."""

import numpy as np

import xorlab as xl

X = np.array(
    [
        [-1.0, 0.2],
        [-0.8, -0.5],
        [1.0, 0.4],
        [0.9, -0.3],
        [0.0, 1.0],
        [0.2, -0.9],
        [-0.1, 0.1],
        [0.1, -0.2],
    ]
)
y = np.array([[0], [0], [0], [0], [1], [1], [1], [1]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
class BandNet:
    def __init__(self, lr=0.5, seed=325):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        self.z2 = self.h @ self.W2 + self.b2
        self.out = 1 / (1 + np.exp(-self.z2))
        return self.out

    def train(self, X, y):
        self.forward(X)
        d2 = (self.z2 - y) / len(X)  # BUG
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        BandNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the output delta from the logit z2, not from the output self.out",
    "fix": "d2 = (self.out - y) / len(X)",
}

if __name__ == "__main__":
    net = BandNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
