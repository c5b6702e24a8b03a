"""Healthy: the 4-3-4 encoder as a dict of arrays with `train(p, X, y)`: tanh hidden units,
four sigmoid outputs, a BCE averaged over every output, full batch, momentum in the dict."""

import numpy as np

import xorlab as xl

X = np.eye(4)
y = np.eye(4)
EPOCHS = 2000


# --- the learner's code ---
def init(seed=110):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (4, 3)), "b1": np.zeros(3)}
    p.update(W2=rng.normal(0, 1, (3, 4)), b2=np.zeros(4), lr=1.0)
    p["vel"] = {k: np.zeros_like(p[k]) for k in ("W1", "b1", "W2", "b2")}
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
    d2 = (out - y) / y.size
    d1 = d2 @ p["W2"].T * (1 - h**2)
    grads = {"W2": h.T @ d2, "b2": d2.sum(axis=0), "W1": X.T @ d1, "b1": d1.sum(axis=0)}
    for k, g in grads.items():
        p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * g
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(
        init(), "W1 b1 W2 b2", train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - y).max():.3f}")
