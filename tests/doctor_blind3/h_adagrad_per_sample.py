"""Healthy: a class trained one sample at a time with Adagrad (a running sum of squared
gradients per weight, never reset); tanh hidden layer, sigmoid output, BCE per sample."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600


# --- the learner's code ---
class AdagradNet:
    def __init__(self, seed=0, lr=0.3, eps=1e-8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.eps = lr, eps
        self.G = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def fit_epoch(self, X, y):
        for i in range(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = d2 @ self.W2.T * (1 - self.h**2)
            g = {"W1": x.T @ d1, "b1": d1[0], "W2": self.h.T @ d2, "b2": d2[0]}
            for k in g:
                self.G[k] += g[k] ** 2
                getattr(self, k)[...] -= self.lr * g[k] / (np.sqrt(self.G[k]) + self.eps)


def doctor_case():
    return xl.adapt(
        AdagradNet(), "W1 b1 W2 b2", "fit_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: Adagrad, lr * g / sqrt(sum of g^2), per sample",
}

if __name__ == "__main__":
    net = AdagradNet()
    for _ in range(EPOCHS):
        net.fit_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
