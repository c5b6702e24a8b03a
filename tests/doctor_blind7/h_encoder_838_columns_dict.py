"""Healthy: the 8-3-8 encoder as a dict of arrays and a train function, samples as columns
(X is the 8x8 identity), sigmoid hidden and outputs, BCE summed over the 8 outputs and
averaged over the samples, momentum kept in the dict (p["v"]), weights stored (units,
inputs)."""

import numpy as np

import xorlab as xl

X = np.eye(8)
Y = np.eye(8)
EPOCHS = 2000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_net(seed=0):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (3, 8)),
        "b1": np.zeros((3, 1)),
        "W2": rng.normal(0, 1, (8, 3)),
        "b2": np.zeros((8, 1)),
        "lr": 0.5,
        "mu": 0.9,
    }
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    A1 = sigmoid(p["W1"] @ X + p["b1"])
    return sigmoid(p["W2"] @ A1 + p["b2"])


def train(p, X, Y):
    m = X.shape[1]
    A1 = sigmoid(p["W1"] @ X + p["b1"])
    A2 = sigmoid(p["W2"] @ A1 + p["b2"])
    dZ2 = (A2 - Y) / m
    dZ1 = p["W2"].T @ dZ2 * A1 * (1 - A1)
    grads = {
        "W2": dZ2 @ A1.T,
        "b2": dZ2.sum(axis=1, keepdims=True),
        "W1": dZ1 @ X.T,
        "b1": dZ1.sum(axis=1, keepdims=True),
    }
    for k in KEYS:
        p["v"][k] = p["mu"] * p["v"][k] - p["lr"] * grads[k]
        p[k] += p["v"][k]


def doctor_case():
    return xl.adapt(
        make_net(), KEYS, train, X, Y, predict=forward, lr="lr", columns=True, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = make_net()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - Y).max():.3f}")
