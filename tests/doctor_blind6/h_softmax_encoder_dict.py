"""Healthy: dict of arrays + train function, the 4-3-4 encoder (identity map on one-hot
inputs), tanh hidden, softmax output with mean cross-entropy, full-batch momentum."""

import numpy as np

import xorlab as xl

X = np.eye(4)
Y = np.eye(4)
EPOCHS = 600
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=2):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 0.5, (4, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 0.5, (3, 4)),
        "b2": np.zeros(4),
        "lr": 0.5,
    }
    p["vel"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(p, X):
    return softmax(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def cross_entropy(p, X, Y):
    return float(-np.mean(np.sum(Y * np.log(forward(p, X) + 1e-12), axis=1)))


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    P = softmax(h @ p["W2"] + p["b2"])
    dz2 = (P - Y) / len(X)
    dz1 = dz2 @ p["W2"].T * (1 - h**2)
    g = {"W2": h.T @ dz2, "b2": dz2.sum(axis=0), "W1": X.T @ dz1, "b1": dz1.sum(axis=0)}
    for k in KEYS:
        p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * g[k]
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(
        init(), KEYS, train, X, Y, predict=forward, loss=cross_entropy, lr="lr", epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - Y).max():.3f}")
