"""Healthy: a dict of arrays with a rate that falls linearly from p["lr"] to a floor of a
tenth of it over the run (a step counter in the dict); 2-4-1 tanh, sigmoid output, mean BCE,
full batch, XOR with a jittered copy (8 points)."""

import numpy as np

import xorlab as xl

_base = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([_base, _base + np.random.default_rng(15).normal(0, 0.08, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=115):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
        "step": 0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    frac = min(p["step"] / EPOCHS, 1.0)
    rate = p["lr"] * (1 - 0.9 * frac)
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    p["W2"] -= rate * h.T @ d2
    p["b2"] -= rate * d2.sum(axis=0)
    p["W1"] -= rate * X.T @ d1
    p["b1"] -= rate * d1.sum(axis=0)
    p["step"] += 1


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
