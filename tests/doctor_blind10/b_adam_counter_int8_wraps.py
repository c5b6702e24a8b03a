"""Buggy: a dict of arrays with a `train(p, X, y)` function and Adam, whose step counter is
kept as an int8 array (`np.zeros(1, dtype=np.int8)`, "it will never need more than a byte"):
after 127 steps it wraps to -128, the bias corrections `1 - beta ** t` go negative and
v_hat's square root is NaN (3-6-1 tanh, sigmoid output, mean BCE, 3-bit parity)."""

import numpy as np

import xorlab as xl

X = np.array([[(i >> b) & 1 for b in range(3)] for i in range(8)], dtype=float)
y = X.sum(axis=1, keepdims=True) % 2
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=318):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (3, 6)), "b1": np.zeros(6)}
    p.update(W2=rng.normal(0, 1, (6, 1)), b2=np.zeros(1), lr=0.03)
    p["t"] = np.zeros(1, dtype=np.int8)  # BUG
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = 0.9 * p["m"][k] + 0.1 * g[k]
        p["v"][k] = 0.999 * p["v"][k] + 0.001 * g[k] ** 2
        m_hat = p["m"][k] / (1 - 0.9 ** p["t"])
        v_hat = p["v"][k] / (1 - 0.999 ** p["t"])
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's step counter is int8: it wraps to -128 after 127 steps, v_hat goes negative",
    "fix": "p['t'] = 0 (a Python int)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
