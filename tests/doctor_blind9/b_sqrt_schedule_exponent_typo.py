"""Bug: an inverse-square-root schedule typed `(1 + t) ** -2` for `(1 + t) ** -0.5`: the rate's
sum over the run is about 1.6 lr (dict with a step counter, 2-4-1 tanh, sigmoid output,
mean BCE, full batch, XOR with a jittered copy, 8 points)."""

import numpy as np

import xorlab as xl

_base = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([_base, _base + np.random.default_rng(35).normal(0, 0.08, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def init(seed=135):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 4.0,
        "t": 0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    rate = p["lr"] * (1 + p["t"]) ** -2  # BUG
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    p["W2"] -= rate * h.T @ d2
    p["b2"] -= rate * d2.sum(axis=0)
    p["W1"] -= rate * X.T @ d1
    p["b1"] -= rate * d1.sum(axis=0)
    p["t"] += 1


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the schedule's exponent typed -2 for -0.5: the rate is gone in a few epochs",
    "fix": "rate = p['lr'] * (1 + p['t']) ** -0.5",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
