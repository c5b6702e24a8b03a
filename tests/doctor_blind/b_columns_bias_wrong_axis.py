"""Bug: samples as columns, and the hidden bias gradient is summed over the wrong axis."""

import numpy as np

import xorlab as xl

XC = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
YC = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
class ColumnNet:
    def __init__(self, seed=22, eta=1.0):
        rng = np.random.default_rng(seed)
        self.W1, self.c1 = rng.normal(0, 1, (4, 2)), np.zeros((4, 1))
        self.W2, self.c2 = rng.normal(0, 1, (1, 4)), np.zeros((1, 1))
        self.eta = eta

    def forward(self, A):
        self.H = np.tanh(self.W1 @ A + self.c1)
        return 1 / (1 + np.exp(-(self.W2 @ self.H + self.c2)))

    def fit_once(self, A, T):
        E = (self.forward(A) - T) / A.shape[1]
        D = (self.W2.T @ E) * (1 - self.H**2)
        self.W2 = self.W2 - self.eta * E @ self.H.T
        self.c2 = self.c2 - self.eta * E.sum(axis=1, keepdims=True)
        self.W1 = self.W1 - self.eta * D @ A.T
        self.c1 = self.c1 - self.eta * D.sum(axis=0, keepdims=True)  # should be axis=1


# --- the adaptation: samples are columns, so columns=True ---
def doctor_case():
    return xl.adapt(
        ColumnNet(),
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
    "healthy": False,
    "bug": "hidden bias gradient summed over units (axis 0), not samples: c1 becomes (4, n)",
    "fix": "D.sum(axis=1, keepdims=True)",
}

if __name__ == "__main__":
    net = ColumnNet()
    for _ in range(EPOCHS):
        net.fit_once(XC, YC)
    print(net.c1.shape, np.round(net.forward(XC).ravel(), 3))
