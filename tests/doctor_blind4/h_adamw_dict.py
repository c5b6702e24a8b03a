"""Healthy: dict + train function with AdamW: Adam on the gradient of the mean BCE, plus a
decoupled weight decay (lr * wd * W, weights only, not in the loss), Adam's moments and its
step counter kept in the same dict. tanh hidden layer, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def setup(seed=6):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.05,
        "wd": 1e-3,
        "t": 0,
    }
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = 0.9 * p["m"][k] + 0.1 * g[k]
        p["v"][k] = 0.999 * p["v"][k] + 0.001 * g[k] ** 2
        m_hat = p["m"][k] / (1 - 0.9 ** p["t"])
        v_hat = p["v"][k] / (1 - 0.999 ** p["t"])
        if k.startswith("W"):
            p[k] -= p["lr"] * p["wd"] * p[k]  # decoupled decay
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)


def doctor_case():
    return xl.adapt(
        setup(), "W1 b1 W2 b2", train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: AdamW's decay is decoupled from the loss on purpose",
}

if __name__ == "__main__":
    p = setup()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
