"""Healthy: a dict of arrays with a `train(p, X, y)` function, the 5-3-5 encoder (identity on
five one-hot inputs through three tanh units), five sigmoid outputs, a BCE averaged over every
output (given as `loss=`), Adam with its moments and step counter in the dict."""

import numpy as np

import xorlab as xl

X = np.eye(5)
y = np.eye(5)
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=206):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (5, 3)), "b1": np.zeros(3)}
    p.update(W2=rng.normal(0, 1, (3, 5)), b2=np.zeros(5), lr=0.05, t=0)
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def bce(p, X, y):
    out = np.clip(predict(p, X), 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    h, out = forward(p, X)
    d2 = (out - y) / y.size  # the mean over every output
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
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - y).max():.3f}")
