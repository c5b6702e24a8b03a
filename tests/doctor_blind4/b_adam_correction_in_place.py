"""Buggy: dict + train function in float32 with Adam, whose bias corrections are applied IN
PLACE to the stored moments (m /= 1 - beta1**t) instead of to copies: the corrections compound
from step to step, v grows until it is infinite and the steps shrink to 0. Sigmoid hidden
layer, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def setup(seed=11):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)).astype(np.float32),
        "b1": np.zeros(4, dtype=np.float32),
        "W2": rng.normal(0, 1, (4, 1)).astype(np.float32),
        "b2": np.zeros(1, dtype=np.float32),
        "lr": 0.05,
        "t": 0,
    }
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(p, X):
    return sigmoid(sigmoid(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def train(p, X, y):
    h = sigmoid(X @ p["W1"] + p["b1"])
    d2 = (sigmoid(h @ p["W2"] + p["b2"]) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = 0.9 * p["m"][k] + 0.1 * g[k]
        p["v"][k] = 0.999 * p["v"][k] + 0.001 * g[k] ** 2
        p["m"][k] /= 1 - 0.9 ** p["t"]  # BUG
        p["v"][k] /= 1 - 0.999 ** p["t"]  # BUG
        p[k] -= p["lr"] * p["m"][k] / (np.sqrt(p["v"][k]) + 1e-8)


def doctor_case():
    return xl.adapt(setup(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's bias corrections divide the stored moments in place, compounding every step",
    "fix": "m_hat = m / (1 - beta1**t), v_hat = v / (1 - beta2**t) as new arrays; keep m, v",
}

if __name__ == "__main__":
    p = setup()
    with np.errstate(over="ignore"):
        for _ in range(EPOCHS):
            train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
