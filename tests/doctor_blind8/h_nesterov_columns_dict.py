"""Healthy: a dict of arrays with a train function, samples as columns (X: (2, 4)), 2-4-1
tanh, sigmoid output, mean BCE, full batch, Nesterov momentum in the look-ahead form (the
gradient taken at the weights moved by mu * v; velocities nested in the dict)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
y = np.array([[0, 1, 1, 0]], dtype=float)
KEYS = ("W1", "b1", "W2", "b2")
EPOCHS = 600


# --- the learner's code ---
def init(seed=3):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (4, 2)),
        "b1": np.zeros((4, 1)),
        "W2": rng.normal(0, 1, (1, 4)),
        "b2": np.zeros((1, 1)),
        "lr": 0.3,
        "mu": 0.9,
    }
    p["vel"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    H = np.tanh(p["W1"] @ X + p["b1"])
    return H, 1 / (1 + np.exp(-(p["W2"] @ H + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def gradients(p, X, Y):
    H, out = forward(p, X)
    dZ2 = (out - Y) / X.shape[1]
    dZ1 = (p["W2"].T @ dZ2) * (1 - H**2)
    return {
        "W1": dZ1 @ X.T,
        "b1": dZ1.sum(axis=1, keepdims=True),
        "W2": dZ2 @ H.T,
        "b2": dZ2.sum(axis=1, keepdims=True),
    }


def train(p, X, Y):
    ahead = {k: p[k] + p["mu"] * p["vel"][k] for k in KEYS}
    g = gradients(ahead, X, Y)
    for k in KEYS:
        p["vel"][k] = p["mu"] * p["vel"][k] - p["lr"] * g[k]
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(
        init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", columns=True, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
