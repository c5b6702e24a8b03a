"""Bug: tanh's derivative evaluated on the pre-activation, 1 - z**2, instead of 1 - tanh(z)**2
(negative wherever |z| > 1). Samples as columns, dict + train function, 2-5-1, sigmoid
output, mean BCE, full batch on XOR, with momentum."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
y = np.array([[0, 1, 1, 0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=37):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1.5, (5, 2)),
        "b1": np.zeros((5, 1)),
        "W2": rng.normal(0, 1, (1, 5)),
        "b2": np.zeros((1, 1)),
        "lr": 0.3,
    }
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    A1 = np.tanh(p["W1"] @ X + p["b1"])
    return 1 / (1 + np.exp(-(p["W2"] @ A1 + p["b2"])))


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    m = X.shape[1]
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.tanh(Z1)
    A2 = 1 / (1 + np.exp(-(p["W2"] @ A1 + p["b2"])))
    dZ2 = (A2 - y) / m
    dZ1 = (p["W2"].T @ dZ2) * (1 - Z1**2)  # BUG
    g = {
        "W2": dZ2 @ A1.T,
        "b2": dZ2.sum(axis=1, keepdims=True),
        "W1": dZ1 @ X.T,
        "b1": dZ1.sum(axis=1, keepdims=True),
    }
    for k in KEYS:
        p["v"][k] = 0.9 * p["v"][k] + g[k]
        p[k] -= p["lr"] * p["v"][k]


def doctor_case():
    return xl.adapt(
        init(), KEYS, train, X, y, predict=forward, loss=bce, lr="lr", columns=True, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "tanh derivative written 1 - Z1**2 (on the pre-activation)",
    "fix": "1 - A1**2",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
