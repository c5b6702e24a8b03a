"""Bug: per-sample gradients collected in lists over the epoch and averaged with
`np.mean(grads[k])` for `np.mean(grads[k], axis=0)`: one number per array, the same step
for every entry (class, (1, d) rows, 2-4-1 tanh, sigmoid output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class ListAccumNet:
    def __init__(self, lr=1.0, seed=143):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros((1, 4))
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        grads = {k: [] for k in KEYS}
        for i in range(len(X)):
            x = X[i : i + 1]
            d2 = self.forward(x) - y[i : i + 1]
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            grads["W2"].append(self.h.T @ d2)
            grads["b2"].append(d2)
            grads["W1"].append(x.T @ d1)
            grads["b1"].append(d1)
        for k in KEYS:
            g = np.mean(grads[k])  # BUG
            setattr(self, k, getattr(self, k) - self.lr * g)


def doctor_case():
    return xl.adapt(
        ListAccumNet(), list(KEYS), "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "np.mean over a list of arrays without axis=0 averages every entry into one number",
    "fix": "g = np.mean(grads[k], axis=0)",
}

if __name__ == "__main__":
    net = ListAccumNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
