"""Bug: a class with Adam (moments in dicts on the object, step counter), XOR, 2-4-1 tanh,
sigmoid output, BCE, full batch. The update leaves out the rate:
`param -= m_hat / (np.sqrt(v_hat) + eps)` steps every weight by about 1 each epoch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300
KEYS = ["W1", "b1", "W2", "b2"]


# --- the learner's code ---
class AdamNet:
    def __init__(self, lr=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr = lr
        self.m = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in KEYS}
        self.t = 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k in KEYS:
            self.m[k] = 0.9 * self.m[k] + 0.1 * grads[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * grads[k] ** 2
            m_hat = self.m[k] / (1 - 0.9**self.t)
            v_hat = self.v[k] / (1 - 0.999**self.t)
            param = getattr(self, k)
            param -= m_hat / (np.sqrt(v_hat) + 1e-8)  # BUG


def doctor_case():
    return xl.adapt(AdamNet(), KEYS, "train", X, y, predict="forward", lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's update leaves out the rate: steps of about 1 in every weight",
    "fix": "param -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)",
}

if __name__ == "__main__":
    net = AdamNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
