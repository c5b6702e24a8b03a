"""Healthy: 3-bit parity as a dict of arrays with `train(p, X, y)`: 3-8-1 ReLU hidden units,
sigmoid output, mean BCE, mini-batches of 2 in a random order drawn from a generator kept in
the dict, classical momentum with its velocities in the dict."""

import itertools

import numpy as np

import xorlab as xl

X = np.array(list(itertools.product([0, 1], repeat=3)), dtype=float)
y = (X.sum(axis=1) % 2).reshape(-1, 1)
EPOCHS = 800


# --- the learner's code ---
def make_net(seed=113):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (3, 8)), "b1": rng.normal(0, 0.5, 8)}
    p.update(W2=rng.normal(0, 0.5, (8, 1)), b2=np.zeros(1), lr=0.1, rng=rng)
    p["vel"] = {k: np.zeros_like(p[k]) for k in ("W1", "b1", "W2", "b2")}
    return p


def forward(p, X):
    h = np.maximum(0, X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    order = p["rng"].permutation(len(X))
    for s in range(0, len(X), 2):
        idx = order[s : s + 2]
        xb, yb = X[idx], y[idx]
        z = xb @ p["W1"] + p["b1"]
        h = np.maximum(0, z)
        out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
        d2 = (out - yb) / len(xb)
        d1 = d2 @ p["W2"].T * (z > 0)
        grads = {"W2": h.T @ d2, "b2": d2.sum(0), "W1": xb.T @ d1, "b1": d1.sum(0)}
        for k, g in grads.items():
            p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * g
            p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = make_net()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
