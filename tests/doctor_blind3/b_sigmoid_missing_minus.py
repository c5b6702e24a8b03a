"""Bug: the hidden layer's sigmoid is typed 1 / (1 + exp(z)) (the minus sign lost), while its
derivative is still written s (1 - s); the output layer uses a correct sigmoid. Class with
samples as columns, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
XT, YT = X.T, y.T  # samples as columns: (2, 4) and (1, 4)
EPOCHS = 2000


# --- the learner's code ---
def hidden_act(z):
    return 1 / (1 + np.exp(z))  # BUG: np.exp(-z)


def out_act(z):
    return 1 / (1 + np.exp(-z))


class ColNet:
    def __init__(self, seed=2, alpha=2.0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (4, 2))
        self.b1 = np.zeros((4, 1))
        self.W2 = rng.normal(0, 1, (1, 4))
        self.b2 = np.zeros((1, 1))
        self.alpha = alpha

    def predict(self, A):  # A: (2, n) -> (1, n)
        self.S = hidden_act(self.W1 @ A + self.b1)
        return out_act(self.W2 @ self.S + self.b2)

    def fit_once(self, A, T):
        m = A.shape[1]
        e = (self.predict(A) - T) / m
        back = self.W2.T @ e * self.S * (1 - self.S)
        self.W2 -= self.alpha * e @ self.S.T
        self.b2 -= self.alpha * e.sum(axis=1, keepdims=True)
        self.W1 -= self.alpha * back @ A.T
        self.b1 -= self.alpha * back.sum(axis=1, keepdims=True)


def doctor_case():
    return xl.adapt(
        ColNet(),
        "W1 b1 W2 b2",
        "fit_once",
        XT,
        YT,
        predict="predict",
        lr="alpha",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "hidden sigmoid typed 1/(1+exp(z)): its derivative is -s(1-s), the code uses s(1-s)",
    "fix": "return 1 / (1 + np.exp(-z)) in hidden_act",
}

if __name__ == "__main__":
    net = ColNet()
    for _ in range(EPOCHS):
        net.fit_once(XT, YT)
    out = net.predict(XT)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - YT).max():.3f}")
