"""Bug: dict + train, XOR, 2-4-1 sigmoid, BCE, one sample at a time. The output weights'
gradient uses the hidden pre-activation `z1` (kept in the same cache) for the activation
`a1`: `dW2 = z1.T @ d2`."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros((1, 4)),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros((1, 1)),
        "lr": 1.0,
    }


def forward(p, X):
    cache = {"z1": X @ p["W1"] + p["b1"]}
    cache["a1"] = sigmoid(cache["z1"])
    cache["a2"] = sigmoid(cache["a1"] @ p["W2"] + p["b2"])
    return cache


def predict(p, X):
    return forward(p, X)["a2"]


def train(p, X, y):
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        c = forward(p, x)
        d2 = c["a2"] - t
        d1 = d2 @ p["W2"].T * c["a1"] * (1 - c["a1"])
        p["W2"] -= p["lr"] * c["z1"].T @ d2  # BUG
        p["b2"] -= p["lr"] * d2
        p["W1"] -= p["lr"] * x.T @ d1
        p["b1"] -= p["lr"] * d1


def doctor_case():
    return xl.adapt(make(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "dW2 uses the hidden pre-activation z1 instead of the activation a1",
    "fix": 'p["W2"] -= p["lr"] * c["a1"].T @ d2',
}

if __name__ == "__main__":
    p = make()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
