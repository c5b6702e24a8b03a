"""Healthy: samples as columns, one sample at a time in a seeded random order each epoch."""

import numpy as np

import xorlab as xl

XC = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)  # (features, samples)
YC = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class ColumnSGD:
    def __init__(self, seed=3, alpha=0.5):
        self.rng = np.random.default_rng(seed)
        self.W1 = self.rng.normal(0, 1, (4, 2))  # (hidden, in)
        self.b1 = np.zeros((4, 1))
        self.W2 = self.rng.normal(0, 1, (1, 4))
        self.b2 = np.zeros((1, 1))
        self.alpha = alpha

    def predict(self, A):
        H = np.tanh(self.W1 @ A + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ H + self.b2)))

    def epoch(self, A, T):
        for j in self.rng.permutation(A.shape[1]):
            a, t = A[:, j : j + 1], T[:, j : j + 1]
            h = np.tanh(self.W1 @ a + self.b1)
            p = 1 / (1 + np.exp(-(self.W2 @ h + self.b2)))
            e = p - t
            d = (self.W2.T @ e) * (1 - h**2)
            self.W2 -= self.alpha * e @ h.T
            self.b2 -= self.alpha * e
            self.W1 -= self.alpha * d @ a.T
            self.b1 -= self.alpha * d


def doctor_case():
    return xl.adapt(
        ColumnSGD(),
        "W1 b1 W2 b2",
        "epoch",
        XC,
        YC,
        predict="predict",
        lr="alpha",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: per-sample BCE steps in a shuffled order, columns used consistently",
}

if __name__ == "__main__":
    net = ColumnSGD()
    for _ in range(EPOCHS):
        net.epoch(XC, YC)
    print(np.round(net.predict(XC).ravel(), 3))
