"""Bug: a class with momentum done in place over lists of arrays. The velocities are meant to
start at zero but are created as `[p for p in self.params]`, the weight arrays themselves:
`v *= mu; v -= lr * g; p += v` then doubles every weight each step. 2-4-1 tanh, sigmoid
output, BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300


# --- the learner's code ---
class MomentumNet:
    def __init__(self, lr=0.3, mu=0.9, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.params = [self.W1, self.b1, self.W2, self.b2]
        self.vel = [p for p in self.params]  # BUG

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = [X.T @ d1, d1.sum(0), self.h.T @ d2, d2.sum(0)]
        for p, v, g in zip(self.params, self.vel, grads):
            v *= self.mu
            v -= self.lr * g
            p += v


def doctor_case():
    return xl.adapt(
        MomentumNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the velocities are the weight arrays themselves (not zeros): each in-place "
    "step doubles the weights",
    "fix": "self.vel = [np.zeros_like(p) for p in self.params]",
}

if __name__ == "__main__":
    net = MomentumNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
