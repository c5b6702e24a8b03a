"""Buggy: a class with float32 arrays, RMSProp, and separate `backward` and `step` methods;
`backward` builds its gradients in a local dict and never stores it, and `step` reads
`self.grads`, the zeros set in `__init__`: nothing ever moves (2-4-1 ReLU, sigmoid output,
mean BCE, mini-batches of 2 in a fixed order, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class TwoPhaseNet:
    def __init__(self, lr=0.01, seed=326):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4)).astype(np.float32)
        self.b1 = np.full(4, 0.1, dtype=np.float32)
        self.W2 = rng.normal(0, 1, (4, 1)).astype(np.float32)
        self.b2 = np.zeros(1, dtype=np.float32)
        self.lr = lr
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.cache = {k: np.zeros_like(getattr(self, k)) for k in KEYS}

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = np.maximum(self.z, 0)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def backward(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (self.z > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0)}  # BUG
        grads.update(W2=self.h.T @ d2, b2=d2.sum(axis=0))

    def step(self):
        for k in KEYS:
            g = self.grads[k]
            self.cache[k] = 0.9 * self.cache[k] + 0.1 * g**2
            getattr(self, k)[...] -= self.lr * g / (np.sqrt(self.cache[k]) + 1e-7)

    def train(self, X, y):
        for start in range(0, len(X), 2):
            self.backward(X[start : start + 2], y[start : start + 2])
            self.step()


def doctor_case():
    return xl.adapt(TwoPhaseNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "backward's gradients stay in a local dict: step reads the zeros of __init__",
    "fix": "self.grads = grads (store them)",
}

if __name__ == "__main__":
    net = TwoPhaseNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
