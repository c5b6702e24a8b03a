"""Bug: a step schedule's settings cast together, `self.step, self.gamma = map(int, (step,
gamma))`: int(0.9) is 0, so the rate is multiplied by 0 at epoch 100 and nothing moves after
(class, 2-4-1 tanh, sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
class StepDecayNet:
    def __init__(self, lr=1.0, step=100.0, gamma=0.9, seed=132):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.t = lr, 0
        self.step, self.gamma = map(int, (step, gamma))  # BUG

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train_step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
        self.t += 1
        if self.t % self.step == 0:
            self.lr *= self.gamma


def doctor_case():
    return xl.adapt(
        StepDecayNet(),
        "W1 b1 W2 b2",
        "train_step",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "int(0.9) == 0: the decay factor is cast to an integer with the period",
    "fix": "self.step, self.gamma = int(step), float(gamma)",
}

if __name__ == "__main__":
    net = StepDecayNet()
    for _ in range(EPOCHS):
        net.train_step(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
