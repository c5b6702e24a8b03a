"""Bug: Adam's step divides by `np.sqrt(m_hat)` for the root of the
bias-corrected second moment, v_hat: the root of a negative
first moment is NaN (class, 2-4-1 tanh, sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AdamNet:
    def __init__(self, lr=0.05, seed=119):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.t = lr, 0
        self.m = [np.zeros_like(getattr(self, k)) for k in KEYS]
        self.v = [np.zeros_like(getattr(self, k)) for k in KEYS]

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = [X.T @ d1, d1.sum(axis=0), self.h.T @ d2, d2.sum(axis=0)]
        self.t += 1
        for i, (k, g) in enumerate(zip(KEYS, grads)):
            self.m[i] = 0.9 * self.m[i] + 0.1 * g
            self.v[i] = 0.999 * self.v[i] + 0.001 * g * g
            m_hat = self.m[i] / (1 - 0.9**self.t)
            update = self.lr * m_hat / (np.sqrt(m_hat) + 1e-8)  # BUG
            setattr(self, k, getattr(self, k) - update)


def doctor_case():
    return xl.adapt(AdamNet(), list(KEYS), "step", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam divides by sqrt(m_hat) instead of sqrt(v_hat): NaN",
    "fix": "divide by np.sqrt(self.v[i] / (1 - 0.999**self.t)) + 1e-8, the root of v_hat",
}

if __name__ == "__main__":
    net = AdamNet()
    for _ in range(EPOCHS):
        net.step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
