"""Healthy: samples as columns (X: (2, n)), weights (units, inputs), two hidden layers (ReLU
then tanh, 5 units each), BCE computed from the logit with logaddexp and its own `loss`
method, full batch; `columns=True`."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
XC, YC = X.T.copy(), y.T.copy()  # (2, 4), (1, 4)
EPOCHS = 1000


# --- the learner's code ---
class DeepColumns:
    def __init__(self, seed=12, lr=0.3):
        rng = np.random.default_rng(seed)
        self.A = rng.normal(0, 1, (5, 2))
        self.a = np.full((5, 1), 0.1)
        self.B = rng.normal(0, 0.6, (5, 5))
        self.b = np.zeros((5, 1))
        self.C = rng.normal(0, 0.6, (1, 5))
        self.c = np.zeros((1, 1))
        self.lr = lr

    def logit(self, A0):
        self.z1 = self.A @ A0 + self.a
        self.h1 = np.maximum(self.z1, 0)
        self.h2 = np.tanh(self.B @ self.h1 + self.b)
        return self.C @ self.h2 + self.c

    def forward(self, A0):
        return 1 / (1 + np.exp(-self.logit(A0)))

    def loss(self, A0, T):
        z = self.logit(A0)
        return float(np.mean(np.logaddexp(0, z) - T * z))

    def train(self, A0, T):
        n = A0.shape[1]
        e3 = (1 / (1 + np.exp(-self.logit(A0))) - T) / n
        e2 = (self.C.T @ e3) * (1 - self.h2**2)
        e1 = (self.B.T @ e2) * (self.z1 > 0)
        self.C -= self.lr * e3 @ self.h2.T
        self.c -= self.lr * e3.sum(axis=1, keepdims=True)
        self.B -= self.lr * e2 @ self.h1.T
        self.b -= self.lr * e2.sum(axis=1, keepdims=True)
        self.A -= self.lr * e1 @ A0.T
        self.a -= self.lr * e1.sum(axis=1, keepdims=True)


def doctor_case():
    return xl.adapt(
        DeepColumns(),
        "A a B b C c",
        "train",
        XC,
        YC,
        predict="forward",
        loss="loss",
        lr="lr",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: columns, two hidden layers and BCE from logits, all consistent",
}

if __name__ == "__main__":
    net = DeepColumns()
    for _ in range(EPOCHS):
        net.train(XC, YC)
    out = net.forward(XC)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - YC).max():.3f}")
