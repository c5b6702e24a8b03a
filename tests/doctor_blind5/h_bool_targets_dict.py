"""Healthy: a dict of arrays with train/forward/loss functions, XOR targets stored as
booleans (`a != b`), used directly in `out - y` (numpy turns True into 1.0). Sigmoid hidden
and output, mean BCE, full batch, the rate in the dict."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = X[:, :1] != X[:, 1:]  # (4, 1) booleans
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_params(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1.5, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1.5, (3, 1)),
        "b2": np.zeros(1),
        "lr": 2.0,
    }


def forward(p, X):
    return sigmoid(sigmoid(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(np.where(y, np.log(out), np.log(1 - out))))


def train(p, X, y):
    h = sigmoid(X @ p["W1"] + p["b1"])
    out = sigmoid(h @ p["W2"] + p["b2"])
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    p["W2"] -= p["lr"] * h.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        make_params(), "W1 b1 W2 b2", train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: boolean targets act as 0/1 in out - y and in np.where",
}

if __name__ == "__main__":
    p = make_params()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
