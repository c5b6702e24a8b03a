"""Bug: a class meant to clip its gradients to [-1, 1] clips the weights instead
(`np.clip(param, -CLIP, CLIP, out=param)` after each step): no weight can grow past 1, too
small for XOR's sharp outputs. 2-3-1 tanh, sigmoid output, BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
CLIP = 1.0
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class ClippedNet:
    def __init__(self, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 3))
        self.b1 = np.zeros(3)
        self.W2 = rng.normal(0, 1, (3, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        for k in KEYS:
            param = getattr(self, k)
            param -= self.lr * grads[k]
            np.clip(param, -CLIP, CLIP, out=param)  # BUG


def doctor_case():
    return xl.adapt(ClippedNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the weights are clipped to [-1, 1] instead of the gradients",
    "fix": "clip the gradient before the step: param -= self.lr * np.clip(grads[k], -CLIP, CLIP)",
}

if __name__ == "__main__":
    net = ClippedNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
