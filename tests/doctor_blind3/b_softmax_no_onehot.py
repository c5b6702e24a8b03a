"""Bug: softmax with two outputs for XOR, mean cross-entropy, but the output gradient is the
softmax itself: the one-hot target is never subtracted (class, full batch)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
labels = np.array([0, 1, 1, 0])
Y = np.eye(2)[labels]  # (4, 2) one-hot
EPOCHS = 1000


# --- the learner's code ---
class SoftmaxXOR:
    def __init__(self, seed=1, lr=1.0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 2))
        self.b2 = np.zeros(2)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        z = self.h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train(self, X, Y):
        P = self.forward(X)
        dz = P / len(X)  # BUG: the gradient of cross-entropy is (P - Y) / n
        dh = dz @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ dz
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(
        SoftmaxXOR(), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the softmax output gradient is P / n: the one-hot target is not subtracted",
    "fix": "dz = (P - Y) / n",
}

if __name__ == "__main__":
    net = SoftmaxXOR()
    for _ in range(EPOCHS):
        net.train(X, Y)
    P = net.forward(X)
    print(np.round(P[:, 1], 3), f"max error {np.abs(P - Y).max():.3f}")
