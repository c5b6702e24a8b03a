"""Healthy: a class trained with a Lion-style sign update: c = b1 m + (1 - b1) g, the step is
lr * sign(c), then m = b2 m + (1 - b2) g. Every entry moves by exactly lr, whatever the size
of its gradient, and the rate decays by step count so the run settles. tanh hidden layer,
sigmoid output, mean BCE on XOR, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class SignNet:
    def __init__(self, lr=0.02, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.steps = lr, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def step(self, X, y):
        d = (self.forward(X) - y) / len(X)
        dh = (d @ self.W2.T) * (1 - self.h**2)
        g = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": self.h.T @ d, "b2": d.sum(axis=0)}
        rate = self.lr / (1 + self.steps / 200)
        for k in KEYS:
            c = 0.9 * self.m[k] + 0.1 * g[k]
            setattr(self, k, getattr(self, k) - rate * np.sign(c))
            self.m[k] = 0.99 * self.m[k] + 0.01 * g[k]
        self.steps += 1


def doctor_case():
    return xl.adapt(SignNet(), KEYS, "step", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: a sign update with momentum is not a gradient step, but it descends",
}

if __name__ == "__main__":
    net = SignNet()
    for _ in range(EPOCHS):
        net.step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
