"""Healthy: a dict of arrays with a train function on a tiny two-moons set (12 points, seeded
noise), 2-8-1 tanh, sigmoid output, mean BCE, full batch, classical momentum with the
gradient clipped to a global norm of 1 before the velocity update (velocities in p["vel"])."""

import numpy as np

import xorlab as xl

t = np.linspace(0, np.pi, 6)
upper = np.c_[np.cos(t), np.sin(t)]
lower = np.c_[1 - np.cos(t), 0.5 - np.sin(t)]
X = np.vstack([upper, lower]) + np.random.default_rng(14).normal(0, 0.05, (12, 2))
y = np.r_[np.zeros(6), np.ones(6)].reshape(-1, 1)
KEYS = ("W1", "b1", "W2", "b2")
EPOCHS = 1000


# --- the learner's code ---
def init(seed=15):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 8)),
        "b1": np.zeros(8),
        "W2": rng.normal(0, 1, (8, 1)),
        "b2": np.zeros(1),
        "lr": 0.1,
        "clip": 1.0,
    }
    p["vel"] = {k: np.zeros_like(p[k]) for k in KEYS}
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
    norm = np.sqrt(sum(np.sum(g[k] ** 2) for k in KEYS))
    scale = min(1.0, p["clip"] / (norm + 1e-12))
    for k in KEYS:
        p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * scale * g[k]
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
