"""Bug: the updates indented under the logging test `if self.t % 100 == 0:`: one step every
hundred epochs (class, 2-3-1 tanh, sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class LoggedNet:
    def __init__(self, lr=1.0, seed=131):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr, self.t, self.history = lr, 0, []

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        if self.t % 100 == 0:  # BUG
            self.history.append(float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))))
            self.W2 -= self.lr * self.h.T @ d2
            self.b2 -= self.lr * d2.sum(axis=0)
            self.W1 -= self.lr * X.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0)
        self.t += 1


def doctor_case():
    return xl.adapt(
        LoggedNet(), "W1 b1 W2 b2", "train", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the four updates are indented inside the `if self.t % 100 == 0:` logging block",
    "fix": "dedent the updates out of the if block",
}

if __name__ == "__main__":
    net = LoggedNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
