"""Healthy: gradient *ascent* on the log-likelihood, which the learner prints (it rises)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class LikelihoodNet:
    """Maximises sum log p(y | x): every step goes *up* the log-likelihood."""

    def __init__(self, seed=3, rate=0.3):
        rng = np.random.default_rng(seed)
        self.A, self.a = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.B, self.b = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.rate = rate

    def forward(self, X):
        self.h = np.tanh(X @ self.A + self.a)
        return sigmoid(self.h @ self.B + self.b)

    def log_likelihood(self, X, y):
        p = self.forward(X)
        return float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def climb(self, X, y):
        p = self.forward(X)
        up = y - p  # d loglik / d logit
        back = (up @ self.B.T) * (1 - self.h**2)
        self.B += self.rate * self.h.T @ up
        self.b += self.rate * up.sum(axis=0)
        self.A += self.rate * X.T @ back
        self.a += self.rate * back.sum(axis=0)


# --- the adaptation: the learner prints a log-likelihood, not a loss, so it leaves `loss`
# out and lets the doctor find the standard loss its step follows ---
def doctor_case():
    return xl.adapt(
        LikelihoodNet(), "A a B b", "climb", X, y, predict="forward", lr="rate", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: ascending the log-likelihood is descending the summed BCE",
}

if __name__ == "__main__":
    net = LikelihoodNet()
    for _ in range(EPOCHS):
        net.climb(X, y)
    print(net.log_likelihood(X, y), np.round(net.forward(X).ravel(), 3))
