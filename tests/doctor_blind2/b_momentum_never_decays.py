"""Bug: momentum without its decay factor: v = v - lr * g (the learner left out mu);
linear output, mean squared error."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MomentumNet:
    def __init__(self, seed=0, lr=0.1):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr
        self.vel = [np.zeros_like(a) for a in (self.W1, self.b1, self.W2, self.b2)]

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        return self.h @ self.W2 + self.b2

    def train_step(self, X, y):
        p = self.forward(X)
        d2 = 2 * (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        grads = [X.T @ d1, d1.sum(0), self.h.T @ d2, d2.sum(0)]
        for v, w, g in zip(self.vel, (self.W1, self.b1, self.W2, self.b2), grads):
            v -= self.lr * g  # should be v *= mu first
            w += v


def doctor_case():
    return xl.adapt(
        MomentumNet(), "W1 b1 W2 b2", "train_step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "velocity never decays (mu = 1): the MSE oscillates (0.27, 1.8, 0.87), no fit",
    "fix": "v = mu * v - lr * g with mu = 0.9",
}

if __name__ == "__main__":
    net = MomentumNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    print(np.round(net.forward(X).ravel(), 3))
