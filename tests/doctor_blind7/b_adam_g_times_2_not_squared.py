"""Bug: dict + train with Adam (moments nested in the dict), XOR, 2-4-1 tanh, sigmoid output,
BCE, full batch. The second moment adds `g * 2` (a typo for `g ** 2`): v turns negative and
its square root NaN."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 300
B1, B2, EPS = 0.9, 0.999, 1e-8
KEYS = ["W1", "b1", "W2", "b2"]


# --- the learner's code ---
def setup(seed=0):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.1,
        "step": 0,
    }
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    return 1 / (1 + np.exp(-(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    p["step"] += 1
    for k in KEYS:
        p["m"][k] = B1 * p["m"][k] + (1 - B1) * g[k]
        p["v"][k] = B2 * p["v"][k] + (1 - B2) * g[k] * 2  # BUG
        m_hat = p["m"][k] / (1 - B1 ** p["step"])
        v_hat = p["v"][k] / (1 - B2 ** p["step"])
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + EPS)


def doctor_case():
    return xl.adapt(setup(), KEYS, train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's second moment adds g * 2 for g ** 2: v goes negative, sqrt gives NaN",
    "fix": "(1 - B2) * g[k] ** 2",
}

if __name__ == "__main__":
    p = setup()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
