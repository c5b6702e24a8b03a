"""Bug: momentum's velocity built from the weights, `p[k]`, where the gradient `g[k]`
belongs (dict with the velocities nested in it, 2-4-1 tanh, sigmoid output, mean BCE, full
batch, XOR): the update only shrinks the weights."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=141):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.3)
    p["v"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    for k in g:
        p["v"][k] = 0.9 * p["v"][k] - p["lr"] * p[k]  # BUG
        p[k] += p["v"][k]


def doctor_case():
    return xl.adapt(init(), list(KEYS), train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the velocity is built from the weights p[k] instead of the gradient g[k]",
    "fix": "p['v'][k] = 0.9 * p['v'][k] - p['lr'] * g[k]",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
