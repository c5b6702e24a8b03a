"""Bug: a class with Adam written out for each parameter, 2-5-1 tanh, sigmoid output, mean
BCE, full batch. The first moment is updated from the second moment, `m = 0.9 m + 0.1 v`
(a name typed `v` for `g`), so m is never negative and every weight only ever decreases."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
KEYS = ("W1", "b1", "W2", "b2")
EPOCHS = 600


# --- the learner's code ---
class AdamNet:
    def __init__(self, lr=0.05, seed=59):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 5)), np.zeros(5)
        self.W2, self.b2 = rng.normal(0, 1, (5, 1)), np.zeros(1)
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        self.t += 1
        for k in KEYS:
            g, v = grads[k], self.v[k]
            self.v[k] = 0.999 * v + 0.001 * g**2
            self.m[k] = 0.9 * self.m[k] + 0.1 * self.v[k]  # BUG
            m_hat = self.m[k] / (1 - 0.9**self.t)
            v_hat = self.v[k] / (1 - 0.999**self.t)
            getattr(self, k)[...] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)


def doctor_case():
    return xl.adapt(
        AdamNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "Adam's first moment updated with v (typed for g): m >= 0, every weight only falls",
    "fix": "self.m[k] = 0.9 * self.m[k] + 0.1 * g",
}

if __name__ == "__main__":
    net = AdamNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
