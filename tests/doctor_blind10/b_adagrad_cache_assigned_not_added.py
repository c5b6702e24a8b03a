"""Buggy: a dict of arrays with a `train(p, X, y)` function and AdaGrad, whose accumulator is
assigned (`=`) where it should be added to (`+=`): each step divides the gradient by its own
size, a sign step of the full rate at every epoch that never shrinks (2-4-1 tanh, sigmoid
output, mean BCE, XOR with a jittered copy, 8 points)."""

import numpy as np

import xorlab as xl

_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([_xor, _xor + np.random.default_rng(14).normal(0, 0.05, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=314):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.5)
    p["G"] = {k: np.zeros_like(p[k]) for k in KEYS}
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
        p["G"][k] = g[k] ** 2  # BUG
        p[k] -= p["lr"] * g[k] / (np.sqrt(p["G"][k]) + 1e-8)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "AdaGrad's accumulator assigned, not added to: a sign step of the full rate each epoch",
    "fix": 'p["G"][k] += g[k] ** 2',
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
