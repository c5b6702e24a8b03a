"""Healthy: a class with its own AMSGrad optimiser (Adam whose second moment is the running
MAXIMUM of v, so the step never grows), moments and counter kept in the object. ReLU hidden
layer of 8 units, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AMSGradNet:
    def __init__(self, seed=1, lr=0.05):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 8))
        self.b1 = np.full(8, 0.1)
        self.W2 = rng.normal(0, 0.5, (8, 1))
        self.b2 = np.zeros(1)
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.vmax = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.h = np.maximum(self.z1, 0)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def gradients(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (self.z1 > 0)
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}

    def fit_step(self, X, y):
        for k, g in self.gradients(X, y).items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g**2
            self.vmax[k] = np.maximum(self.vmax[k], self.v[k])
            param = getattr(self, k)
            param -= self.lr * self.m[k] / (np.sqrt(self.vmax[k]) + self.eps)


def doctor_case():
    return xl.adapt(
        AMSGradNet(), "W1 b1 W2 b2", "fit_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: AMSGrad (the running maximum of v, no bias correction) is a correct optimiser",
}

if __name__ == "__main__":
    net = AMSGradNet()
    for _ in range(EPOCHS):
        net.fit_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
