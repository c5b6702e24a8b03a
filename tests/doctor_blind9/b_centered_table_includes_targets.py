"""Bug: "centre the data" applied to the whole table, `data = data - 0.5`, targets column
included: the targets become -0.5 and 0.5, and a sigmoid output cannot reach -0.5 (class,
2-4-1 tanh, sigmoid output, halved squared error, full batch, XOR)."""

import numpy as np

import xorlab as xl

data = np.array([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], dtype=float)
data = data - 0.5  # BUG
X, y = data[:, :2], data[:, 2:]
EPOCHS = 2000


# --- the learner's code ---
class CentredNet:
    def __init__(self, lr=2.0, seed=137):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def loss(self, X, y):
        return float(0.5 * np.mean((self.forward(X) - y) ** 2))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) * out * (1 - out) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        CentredNet(),
        "W1 b1 W2 b2",
        "train",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the targets are centred with the inputs: -0.5 and 0.5 for a sigmoid output",
    "fix": "centre the input columns only: data[:, :2] = data[:, :2] - 0.5",
}

if __name__ == "__main__":
    net = CentredNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
