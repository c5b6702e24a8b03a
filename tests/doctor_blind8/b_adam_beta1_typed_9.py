"""Bug: a dict of arrays with a train function and Adam's state nested in the dict
(`p["m"]`, `p["v"]`, `p["t"]`), 3-bit parity (8 samples), 3-6-1 tanh, sigmoid output, mean
BCE, full batch. Beta1 is typed `9.0` for `0.9` (the dot moved): m = 9 m - 8 g grows
without bound."""

import numpy as np

import xorlab as xl

X = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], dtype=float)
y = (X.sum(axis=1) % 2).reshape(-1, 1)
KEYS = ("W1", "b1", "W2", "b2")
EPOCHS = 800
BETA1, BETA2 = 9.0, 0.999  # BUG


# --- the learner's code ---
def init(seed=42):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (3, 6)),
        "b1": np.zeros(6),
        "W2": rng.normal(0, 1, (6, 1)),
        "b2": np.zeros(1),
        "lr": 0.05,
        "t": 0,
    }
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
    dz = (out - y) / len(X)
    dh = dz @ p["W2"].T * (1 - h**2)
    g = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = BETA1 * p["m"][k] + (1 - BETA1) * g[k]
        p["v"][k] = BETA2 * p["v"][k] + (1 - BETA2) * g[k] ** 2
        m_hat = p["m"][k] / (1 - np.power(BETA1, p["t"]))
        v_hat = p["v"][k] / (1 - np.power(BETA2, p["t"]))
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's beta1 typed 9.0 for 0.9: the first moment explodes",
    "fix": "BETA1 = 0.9",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
