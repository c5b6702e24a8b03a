"""Bug: Adam whose bias corrections are typed 1 - beta * t instead of 1 - beta ** t; at the
second step 1 - 0.999 * 2 is negative, so v_hat < 0 and its square root is NaN (and m_hat has
the wrong sign). Class, full batch, mean BCE, tanh hidden layer."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class AdamXOR:
    def __init__(self, seed=4, lr=0.02):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def update(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 * self.t)  # BUG: self.beta1 ** self.t
            v_hat = self.v[k] / (1 - self.beta2 * self.t)  # BUG: self.beta2 ** self.t
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))


def doctor_case():
    return xl.adapt(
        AdamXOR(), "W1 b1 W2 b2", "update", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "Adam's bias corrections use beta * t, not beta ** t: NaN from the second step",
    "fix": "m_hat = m / (1 - beta1 ** t); v_hat = v / (1 - beta2 ** t)",
}

if __name__ == "__main__":
    net = AdamXOR()

    def bce():
        out = net.forward(X)
        return -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))

    with np.errstate(all="ignore"):  # it overflows: silence numpy's warnings here
        start = bce()
        for _ in range(EPOCHS):
            net.update(X, y)
        out, final = net.forward(X), bce()
    print(f"loss {start:.4f} -> {final:.4f}", np.round(out.ravel(), 3))
    print(f"max error {np.abs(out - y).max():.3f}")
