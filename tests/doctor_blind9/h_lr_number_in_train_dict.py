"""Healthy, unusual: a dict of arrays whose `train` has its rate written as a number inside
(0.8), given to `xl.adapt` as `lr=0.8`; 2-3-1 sigmoid hidden units, sigmoid output, mean BCE,
full batch, XOR."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_params(seed=104):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1.5, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1.5, (3, 1)),
        "b2": np.zeros(1),
    }


def forward(p, X):
    return sigmoid(sigmoid(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def train(p, X, y):
    h = sigmoid(X @ p["W1"] + p["b1"])
    out = sigmoid(h @ p["W2"] + p["b2"])
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * h * (1 - h)
    p["W2"] -= 0.8 * h.T @ d2
    p["b2"] -= 0.8 * d2.sum(axis=0)
    p["W1"] -= 0.8 * X.T @ d1
    p["b1"] -= 0.8 * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        make_params(), "W1 b1 W2 b2", train, X, y, predict=forward, lr=0.8, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = make_params()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
