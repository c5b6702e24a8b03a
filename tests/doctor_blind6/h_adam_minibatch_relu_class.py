"""Healthy: a class trained with Adam on mini-batches of 2 (fixed order). 2-8-1, ReLU hidden,
sigmoid output, mean BCE over each batch, XOR; Adam's moments and step counter on the object."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300
BATCH = 2
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class ReluAdamNet:
    def __init__(self, lr=0.05, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, np.sqrt(2 / 2), (2, 8))
        self.b1 = np.full(8, 0.1)
        self.W2 = rng.normal(0, np.sqrt(1 / 8), (8, 1))
        self.b2 = np.zeros(1)
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.maximum(self.z1, 0)
        return 1 / (1 + np.exp(-(self.a1 @ self.W2 + self.b2)))

    def adam(self, grads):
        self.t += 1
        for k in KEYS:
            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2
            m_hat = self.m[k] / (1 - 0.9**self.t)
            v_hat = self.v[k] / (1 - 0.999**self.t)
            param = getattr(self, k)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)

    def fit_epoch(self, X, y):
        for start in range(0, len(X), BATCH):
            xb, yb = X[start : start + BATCH], y[start : start + BATCH]
            delta = (self.forward(xb) - yb) / len(xb)
            dz1 = (delta @ self.W2.T) * (self.z1 > 0)
            grads = {
                "W1": xb.T @ dz1,
                "b1": dz1.sum(axis=0),
                "W2": self.a1.T @ delta,
                "b2": delta.sum(axis=0),
            }
            self.adam(grads)


def doctor_case():
    return xl.adapt(
        ReluAdamNet(), KEYS, "fit_epoch", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = ReluAdamNet()
    for _ in range(EPOCHS):
        net.fit_epoch(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
