"""Buggy: a dict of arrays with a `train(p, X, y)` function and momentum, whose velocities
start as copies of the weights (`p[k].copy()`) where zeros were meant: the first epochs add
the start nine times over, a start ten times as large whose sigmoid units saturate (2-3-1
sigmoid hidden units and output, mean BCE, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=310):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 3)), "b1": rng.normal(0, 1, 3)}
    p.update(W2=rng.normal(0, 1, (3, 1)), b2=rng.normal(0, 1, 1), lr=0.5)
    p["vel"] = {k: p[k].copy() for k in KEYS}  # BUG
    return p


def forward(p, X):
    h = 1 / (1 + np.exp(-(X @ p["W1"] + p["b1"])))
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * h * (1 - h)
    g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    for k in KEYS:
        p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * g[k]
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the velocities start as copies of the weights: the start is added nine times over",
    "fix": "p['vel'] = {k: np.zeros_like(p[k]) for k in KEYS}",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
