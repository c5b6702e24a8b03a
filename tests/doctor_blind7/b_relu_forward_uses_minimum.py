"""Bug: a class, XOR, 2-8-1 ReLU, sigmoid output, BCE, full batch, samples as rows. The
forward pass is typed `np.minimum(0, z)` for `np.maximum(0, z)`, while the backward pass keeps
the ReLU's mask `z > 0`: the units pass their negative part and the gradient flows only
where they output 0."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
class ReluNet:
    def __init__(self, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 8))
        self.b1 = np.full(8, 0.1)
        self.W2 = rng.normal(0, 0.5, (8, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.a = np.minimum(0, self.z)  # BUG
        return 1 / (1 + np.exp(-(self.a @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (self.z > 0)
        self.W2 -= self.lr * self.a.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def doctor_case():
    return xl.adapt(
        ReluNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "np.minimum(0, z) for np.maximum(0, z) in the forward pass (the backward keeps "
    "the ReLU mask z > 0)",
    "fix": "self.a = np.maximum(0, self.z)",
}

if __name__ == "__main__":
    net = ReluNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
