"""Bug: RMSProp written with the root of the cache as a factor, `g * sqrt(cache)`, for a
divisor: steps of order g**2, far too small (dict with the cache nested in it, 2-4-1 tanh,
sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=117):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.01)
    p["cache"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    for k in KEYS:
        g = grads[k]
        p["cache"][k] = 0.9 * p["cache"][k] + 0.1 * g**2
        p[k] -= p["lr"] * g * np.sqrt(p["cache"][k] + 1e-8)  # BUG


def doctor_case():
    return xl.adapt(init(), list(KEYS), train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "RMSProp multiplies the gradient by sqrt(cache) instead of dividing by it",
    "fix": "p[k] -= p['lr'] * g / np.sqrt(p['cache'][k] + 1e-8)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
