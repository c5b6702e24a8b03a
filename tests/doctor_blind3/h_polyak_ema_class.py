"""Healthy: a class that trains its raw weights with plain full-batch steps and keeps an
exponential moving average (Polyak averaging) of them, used only by `predict_ema` for the
final predictions. The training forward pass (`forward`) uses the raw weights."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
class EMANet:
    def __init__(self, seed=5, lr=0.7, decay=0.98):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4))
        self.b1 = np.zeros(4)
        self.W2 = rng.normal(0, 1, (4, 1))
        self.b2 = np.zeros(1)
        self.lr, self.decay = lr, decay
        self.ema = {k: getattr(self, k).copy() for k in KEYS}

    def forward(self, X, W=None):
        W = W or {k: getattr(self, k) for k in KEYS}
        self.h = np.tanh(X @ W["W1"] + W["b1"])
        return 1 / (1 + np.exp(-(self.h @ W["W2"] + W["b2"])))

    def predict_ema(self, X):
        return self.forward(X, self.ema)

    def step(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        for k in KEYS:
            getattr(self, k)[...] -= self.lr * grads[k]
            self.ema[k] = self.decay * self.ema[k] + (1 - self.decay) * getattr(self, k)


def doctor_case():
    # predict: the forward method the training uses (the raw weights named in params)
    return xl.adapt(
        EMANet(), "W1 b1 W2 b2", "step", X, y, predict="forward", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: an EMA of the weights used only for predicting is correct",
}

if __name__ == "__main__":
    net = EMANet()
    for _ in range(EPOCHS):
        net.step(X, y)
    raw, ema = net.forward(X), net.predict_ema(X)
    print("raw", np.round(raw.ravel(), 3), "ema", np.round(ema.ravel(), 3))
    print(f"max error: raw {np.abs(raw - y).max():.3f}, ema {np.abs(ema - y).max():.3f}")
