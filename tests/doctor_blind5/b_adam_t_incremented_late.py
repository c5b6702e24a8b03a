"""Bug: a dict of arrays with Adam whose step counter is advanced after the bias correction
instead of before, so the first update divides by 1 - beta1**0 = 0: the weights are NaN
after one step. The gradient is right. tanh hidden, sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=23):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.05,
        "t": 0,
    }
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    for k in KEYS:
        p["m"][k] = 0.9 * p["m"][k] + 0.1 * g[k]
        p["v"][k] = 0.999 * p["v"][k] + 0.001 * g[k] ** 2
        m_hat = p["m"][k] / (1 - 0.9 ** p["t"])
        v_hat = p["v"][k] / (1 - 0.999 ** p["t"])
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)
    p["t"] += 1  # BUG


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's counter advanced after the correction: first step divides by 1 - 0.9**0 = 0",
    "fix": "advance p['t'] before the bias corrections",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
