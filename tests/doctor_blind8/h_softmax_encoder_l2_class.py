"""Healthy: a class, the 4-3-4 encoder with a softmax output and cross-entropy, plus a small
L2 penalty on both weight matrices that the printed loss includes (given as `loss=`);
sigmoid hidden units, full batch, plain gradient descent."""

import numpy as np

import xorlab as xl

X = np.eye(4)
y = np.eye(4)
EPOCHS = 1500


# --- the learner's code ---
class Encoder:
    def __init__(self, lr=2.0, lam=1e-4, seed=13):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (4, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 4)), np.zeros(4)
        self.lr, self.lam = lr, lam

    def forward(self, X):
        self.h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        s = self.h @ self.W2 + self.b2
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        ce = -np.mean(np.sum(y * np.log(self.forward(X)), axis=1))
        return float(ce + 0.5 * self.lam * (np.sum(self.W1**2) + np.sum(self.W2**2)))

    def fit(self, X, y):
        probs = self.forward(X)
        ds = (probs - y) / len(X)
        dh = ds @ self.W2.T * self.h * (1 - self.h)
        self.W2 -= self.lr * (self.h.T @ ds + self.lam * self.W2)
        self.b2 -= self.lr * ds.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh + self.lam * self.W1)
        self.b1 -= self.lr * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(
        Encoder(),
        "W1 b1 W2 b2",
        "fit",
        X,
        y,
        predict="forward",
        loss="loss",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = Encoder()
    for _ in range(EPOCHS):
        net.fit(X, y)
    out = net.forward(X)
    print(np.round(out, 2), f"max error {np.abs(out - y).max():.3f}")
