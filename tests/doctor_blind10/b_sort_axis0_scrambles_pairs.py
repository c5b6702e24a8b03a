"""Buggy: the learner sorts the data points "by x" with `np.sort(X, axis=0)`, which sorts
each column on its own: the coordinates are re-paired and the labels stay in the old order,
so copies of the same point carry opposite labels (a dict of arrays with a `train(p, X, y)`
function, 2-4-1 tanh, sigmoid output, mean BCE, momentum; XOR with a jittered copy, 8
points)."""

import numpy as np

import xorlab as xl

_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
_points = np.vstack([_xor, _xor + np.random.default_rng(23).normal(0, 0.05, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
X = np.sort(_points, axis=0)  # BUG
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=322):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.3)
    p["vel"] = {k: np.zeros_like(p[k]) for k in KEYS}
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
    for k in KEYS:
        p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * g[k]
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "np.sort(X, axis=0) sorts each column alone: points re-paired, labels not moved",
    "fix": "order = np.argsort(_points[:, 0]); X, y = _points[order], y[order] (or no sort)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
