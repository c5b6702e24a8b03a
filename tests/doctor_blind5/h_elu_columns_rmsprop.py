"""Healthy: samples as columns (X.T is (2, n)), an ELU hidden layer (derivative 1 above 0,
elu(z) + alpha below), sigmoid output, mean BCE, RMSProp with its cache in the object.
Adapted with columns=True."""

import numpy as np

import xorlab as xl

A = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)  # (2, n): one column per sample
T = np.array([[0, 1, 1, 0]], dtype=float)  # (1, n)
EPOCHS = 400
ALPHA = 1.0


# --- the learner's code ---
def elu(z):
    return np.where(z > 0, z, ALPHA * (np.exp(np.minimum(z, 0)) - 1))


class EluColumns:
    def __init__(self, lr=0.02, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (5, 2))
        self.b1 = np.zeros((5, 1))
        self.W2 = rng.normal(0, 1, (1, 5))
        self.b2 = np.zeros((1, 1))
        self.lr = lr
        self.cache = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, A):
        self.z1 = self.W1 @ A + self.b1
        self.h = elu(self.z1)
        return 1 / (1 + np.exp(-(self.W2 @ self.h + self.b2)))

    def train(self, A, T):
        e = (self.forward(A) - T) / A.shape[1]  # (1, n)
        slope = np.where(self.z1 > 0, 1.0, self.h + ALPHA)
        back = (self.W2.T @ e) * slope  # (5, n)
        g = {
            "W2": e @ self.h.T,
            "b2": e.sum(axis=1, keepdims=True),
            "W1": back @ A.T,
            "b1": back.sum(axis=1, keepdims=True),
        }
        for k, gk in g.items():
            self.cache[k] = 0.9 * self.cache[k] + 0.1 * gk**2
            setattr(self, k, getattr(self, k) - self.lr * gk / (np.sqrt(self.cache[k]) + 1e-8))


def doctor_case():
    return xl.adapt(
        EluColumns(),
        "W1 b1 W2 b2",
        "train",
        A,
        T,
        predict="forward",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: ELU's slope below 0 is elu(z) + alpha, RMSProp is as written",
}

if __name__ == "__main__":
    net = EluColumns()
    for _ in range(EPOCHS):
        net.train(A, T)
    out = net.forward(A)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - T).max():.3f}")
