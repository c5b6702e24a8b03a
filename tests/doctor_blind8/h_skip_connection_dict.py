"""Healthy, unusual: a dict of arrays with a train function; the output sees the hidden layer
and, through a skip connection `S`, the inputs themselves: out = sigmoid(h W2 + X S + b2).
2-3-1 tanh, mean BCE, full batch, plain gradient descent, the rate in the dict."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1200


# --- the learner's code ---
def init(seed=5):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "S": rng.normal(0, 1, (2, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + X @ p["S"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def bce(p, X, y):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    h, out = forward(p, X)
    dz = (out - y) / len(X)
    dh = dz @ p["W2"].T * (1 - h**2)
    grads = {
        "W2": h.T @ dz,
        "S": X.T @ dz,
        "b2": dz.sum(axis=0),
        "W1": X.T @ dh,
        "b1": dh.sum(axis=0),
    }
    for k, g in grads.items():
        p[k] -= p["lr"] * g


def doctor_case():
    return xl.adapt(
        init(), "W1 b1 W2 S b2", train, X, y, predict=predict, loss=bce, lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
