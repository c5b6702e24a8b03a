"""Bug: a copy-paste slip in Adam's bias correction, m_hat = m / (1 - beta2**t) (beta2 where
beta1 belongs): the first steps are about 100 times lr and the moments stay far too large
for hundreds of steps. Dict + train function, Adam's moments in nested dicts p["m"], p["v"],
2-4-1, tanh hidden, sigmoid output, mean BCE, full batch on XOR. The gradient is right."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 400
KEYS = ("W1", "b1", "W2", "b2")
BETA1, BETA2 = 0.9, 0.999


# --- the learner's code ---
def init(seed=31):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.02,
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
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = BETA1 * p["m"][k] + (1 - BETA1) * g[k]
        p["v"][k] = BETA2 * p["v"][k] + (1 - BETA2) * g[k] ** 2
        m_hat = p["m"][k] / (1 - BETA2 ** p["t"])  # BUG
        v_hat = p["v"][k] / (1 - BETA2 ** p["t"])
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam's m_hat divided by 1 - beta2**t (beta2 for beta1)",
    "fix": "m_hat = m / (1 - BETA1**t)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
