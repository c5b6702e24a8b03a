"""Bug: Adam whose first and second moments are one and the same arrays (created with
`self.m = self.v = {...}`), so the in-place updates of m and v mix into one buffer; float32
weights, class, full batch, mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AdamNet:
    def __init__(self, seed=9, lr=0.05, b1=0.9, b2=0.999, eps=1e-7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4)).astype(np.float32)
        self.b1 = np.zeros(4, np.float32)
        self.W2 = rng.normal(0, 1, (4, 1)).astype(np.float32)
        self.b2 = np.zeros(1, np.float32)
        self.lr, self.beta1, self.beta2, self.eps, self.t = lr, b1, b2, eps, 0
        # BUG: m and v are the same dict of arrays; each needs its own zeros
        self.m = self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k in KEYS:
            self.m[k] *= self.beta1
            self.m[k] += (1 - self.beta1) * g[k]
            self.v[k] *= self.beta2
            self.v[k] += (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1**self.t)
            v_hat = self.v[k] / (1 - self.beta2**self.t)
            getattr(self, k)[...] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


def doctor_case():
    return xl.adapt(
        AdamNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "Adam's m and v alias one buffer (self.m = self.v = ...)",
    "fix": "create two separate dicts of zeros for m and v",
}

if __name__ == "__main__":
    net = AdamNet()
    with np.errstate(invalid="ignore"):
        for _ in range(EPOCHS):
            net.train_step(X, y)
        out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
