"""Bug: a dict of arrays trained with RMSProp whose cache averages the gradient itself, not
its square: the cache goes negative, its square root is NaN, and so are the weights. The
gradient is right. Sigmoid hidden and output, mean BCE, mini-batches of 2."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


def init(seed=15):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.02,
    }
    p["cache"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    return sig(sig(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def train(p, X, y):
    for s in (0, 2):
        xb, yb = X[s : s + 2], y[s : s + 2]
        h = sig(xb @ p["W1"] + p["b1"])
        d2 = (sig(h @ p["W2"] + p["b2"]) - yb) / len(xb)
        d1 = (d2 @ p["W2"].T) * h * (1 - h)
        g = {"W1": xb.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        for k in KEYS:
            p["cache"][k] = 0.9 * p["cache"][k] + 0.1 * g[k]  # BUG
            p[k] -= p["lr"] * g[k] / (np.sqrt(p["cache"][k]) + 1e-8)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "RMSProp cache averages g, not g**2: sqrt of a negative cache gives NaN",
    "fix": "p['cache'][k] = 0.9 * p['cache'][k] + 0.1 * g[k] ** 2",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
