"""Buggy: dict + train function with Adam whose epsilon was typed 1e8 instead of 1e-8: the
denominator sqrt(v_hat) + 1e8 makes every step about lr * m_hat / 1e8, so the weights never
move visibly. ReLU hidden layer of 6, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")
EPS = 1e8  # BUG


# --- the learner's code ---
def setup(seed=3):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.full(6, 0.1),
        "W2": rng.normal(0, 0.5, (6, 1)),
        "b2": np.zeros(1),
        "lr": 0.05,
        "t": 0,
    }
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.maximum(X @ p["W1"] + p["b1"], 0)
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    z1 = X @ p["W1"] + p["b1"]
    h = np.maximum(z1, 0)
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (z1 > 0)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = 0.9 * p["m"][k] + 0.1 * g[k]
        p["v"][k] = 0.999 * p["v"][k] + 0.001 * g[k] ** 2
        m_hat = p["m"][k] / (1 - 0.9 ** p["t"])
        v_hat = p["v"][k] / (1 - 0.999 ** p["t"])
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + EPS)


def doctor_case():
    return xl.adapt(setup(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's epsilon typed 1e8 instead of 1e-8: every step is ~1e-8 of what it should be",
    "fix": "EPS = 1e-8",
}

if __name__ == "__main__":
    p = setup()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
