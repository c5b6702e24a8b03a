"""Bug: a class with AMSGrad (Adam keeping the running maximum of its second moment), 2-4-1
tanh, sigmoid output, mean BCE, full batch. The maximum is written `np.minimum`: from its
zero start it stays 0, and every step divides by epsilon alone."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AmsNet:
    def __init__(self, lr=0.05, seed=51):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.v_max = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

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
            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2
            self.v_max[k] = np.minimum(self.v_max[k], self.v[k])  # BUG
            m_hat = self.m[k] / (1 - 0.9**self.t)
            getattr(self, k)[...] -= self.lr * m_hat / (np.sqrt(self.v_max[k]) + 1e-8)


def doctor_case():
    return xl.adapt(
        AmsNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "AMSGrad's running maximum written np.minimum: it stays 0, steps are lr * m / 1e-8",
    "fix": "np.maximum(self.v_max[k], self.v[k])",
}

if __name__ == "__main__":
    net = AmsNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
