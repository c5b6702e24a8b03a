"""Healthy: three classes of 2-D points (three each) as a dict of arrays with a train
function; 2-8-3 tanh, softmax cross-entropy, Adam with its moments and counter nested in the
dict (p["m"], p["v"], p["t"]), full batch."""

import numpy as np

import xorlab as xl

rng = np.random.default_rng(5)
CENTRES = np.array([[0.0, 1.0], [0.87, -0.5], [-0.87, -0.5]])
X = np.repeat(CENTRES, 3, axis=0) + rng.normal(0, 0.2, (9, 2))
Y = np.eye(3)[np.repeat(np.arange(3), 3)]
EPOCHS = 300
KEYS = ["W1", "b1", "W2", "b2"]


# --- the learner's code ---
def init_params(seed=0):
    r = np.random.default_rng(seed)
    p = {
        "W1": r.normal(0, 1, (2, 8)),
        "b1": np.zeros(8),
        "W2": r.normal(0, 1, (8, 3)),
        "b2": np.zeros(3),
        "lr": 0.05,
        "t": 0,
    }
    p["m"] = {k: np.zeros_like(p[k]) for k in KEYS}
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def predict(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    z = h @ p["W2"] + p["b2"]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    dz = (predict(p, X) - Y) / len(X)
    dh = dz @ p["W2"].T * (1 - h**2)
    g = {"W2": h.T @ dz, "b2": dz.sum(0), "W1": X.T @ dh, "b1": dh.sum(0)}
    p["t"] += 1
    for k in KEYS:
        p["m"][k] = 0.9 * p["m"][k] + 0.1 * g[k]
        p["v"][k] = 0.999 * p["v"][k] + 0.001 * g[k] ** 2
        m_hat = p["m"][k] / (1 - 0.9 ** p["t"])
        v_hat = p["v"][k] / (1 - 0.999 ** p["t"])
        p[k] -= p["lr"] * m_hat / (np.sqrt(v_hat) + 1e-8)


def doctor_case():
    return xl.adapt(init_params(), KEYS, train, X, Y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init_params()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = predict(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
