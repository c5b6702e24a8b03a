"""Buggy: a class with Adam whose two decay rates are swapped in the constructor,
beta1 = 0.999 (the first moment averages ~1000 steps) and beta2 = 0.9: the step keeps going
where the gradient pointed long ago, overshoots, and the run ends far from XOR. tanh hidden
layer, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AdamNet:
    def __init__(self, seed=0, lr=0.05):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.beta1, self.beta2 = lr, 0.999, 0.9  # BUG
        self.t = 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1**self.t)
            v_hat = self.v[k] / (1 - self.beta2**self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + 1e-8))


def doctor_case():
    return xl.adapt(
        AdamNet(), "W1 b1 W2 b2", "step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "Adam's betas swapped: beta1 = 0.999, beta2 = 0.9",
    "fix": "self.beta1, self.beta2 = 0.9, 0.999",
}

if __name__ == "__main__":
    net = AdamNet()
    for _ in range(EPOCHS):
        net.step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
