"""Bug: a class trained with Adamax whose infinity-norm moment is u = max(beta2 u, g)
without the absolute value: where the gradient is negative, u stays near 0 and the step
m_hat / (u + eps) is enormous. The gradient itself is right. tanh hidden, sigmoid output,
mean BCE on XOR, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AdamaxNet:
    def __init__(self, lr=0.05, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.u = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        self.t += 1
        for k in NAMES:
            self.m[k] = 0.9 * self.m[k] + 0.1 * g[k]
            self.u[k] = np.maximum(0.999 * self.u[k], g[k])  # BUG
            m_hat = self.m[k] / (1 - 0.9**self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (self.u[k] + 1e-8))


def doctor_case():
    return xl.adapt(AdamaxNet(), NAMES, "step", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adamax's u = max(beta2 u, g) without abs: u ~ 0 for negative g, huge steps",
    "fix": "self.u[k] = np.maximum(0.999 * self.u[k], np.abs(g[k]))",
}

if __name__ == "__main__":
    net = AdamaxNet()
    for _ in range(EPOCHS):
        net.step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
