"""Bug: dict + train on circle vs ring (6 points at radius 0.5 labelled 1, 6 at 1.5 labelled
0), 2-8-1 sigmoid, BCE, full batch. The hidden slope is typed `a1 * 1 - a1` for
`a1 * (1 - a1)`: operator precedence makes it 0, so the hidden layer never learns."""

import numpy as np

import xorlab as xl

angles = np.linspace(0, 2 * np.pi, 6, endpoint=False)
X = np.vstack(
    [
        0.5 * np.c_[np.cos(angles), np.sin(angles)],
        1.5 * np.c_[np.cos(angles + 0.5), np.sin(angles + 0.5)],
    ]
)
y = np.r_[np.ones(6), np.zeros(6)].reshape(-1, 1)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 2, (2, 8)),
        "b1": np.zeros(8),
        "W2": rng.normal(0, 1, (8, 1)),
        "b2": np.zeros(1),
        "lr": 2.0,
    }


def predict(p, X):
    return sigmoid(sigmoid(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def train(p, X, y):
    a1 = sigmoid(X @ p["W1"] + p["b1"])
    a2 = sigmoid(a1 @ p["W2"] + p["b2"])
    d2 = (a2 - y) / len(X)
    d1 = d2 @ p["W2"].T * (a1 * 1 - a1)  # BUG
    p["W2"] -= p["lr"] * a1.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "a1 * 1 - a1 (precedence) is 0: the hidden layer gets no gradient",
    "fix": "a1 * (1 - a1)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
