"""Healthy: samples as columns (X is (2, n)), a class that updates in place, mean BCE."""

import numpy as np

import xorlab as xl

XC = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)  # (features, samples)
YC = np.array([[0, 1, 1, 0]], dtype=float)  # (1, samples)
EPOCHS = 3000


# --- the learner's code ---
class ColumnMLP:
    def __init__(self, seed=7, eta=1.0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (3, 2))  # (hidden, in)
        self.c1 = np.zeros((3, 1))
        self.W2 = rng.normal(0, 1, (1, 3))
        self.c2 = np.zeros((1, 1))
        self.eta = eta

    def forward(self, A):
        self.H = 1 / (1 + np.exp(-(self.W1 @ A + self.c1)))
        return 1 / (1 + np.exp(-(self.W2 @ self.H + self.c2)))

    def fit_once(self, A, T):
        n = A.shape[1]
        E = (self.forward(A) - T) / n
        D = (self.W2.T @ E) * self.H * (1 - self.H)
        self.W2 -= self.eta * E @ self.H.T
        self.c2 -= self.eta * E.sum(axis=1, keepdims=True)
        self.W1 -= self.eta * D @ A.T
        self.c1 -= self.eta * D.sum(axis=1, keepdims=True)


# --- the adaptation: samples are columns, so columns=True ---
def doctor_case():
    return xl.adapt(
        ColumnMLP(),
        "W1 c1 W2 c2",
        "fit_once",
        XC,
        YC,
        predict="forward",
        lr="eta",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the column layout is transposed consistently everywhere",
}

if __name__ == "__main__":
    net = ColumnMLP()
    for _ in range(EPOCHS):
        net.fit_once(XC, YC)
    print(np.round(net.forward(XC).ravel(), 3))
