"""Bug: `train` starts with `p = p.copy()` ("don't change the caller's dict") and then
rebinds its keys: the caller's arrays never change, and the loop ignores what `train`
returns (dict of arrays, 2-4-1 tanh, sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=139):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    p = p.copy()  # BUG
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    for k in KEYS:
        p[k] = p[k] - p["lr"] * grads[k]
    return p


def doctor_case():
    return xl.adapt(init(), list(KEYS), train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "p = p.copy() inside train: the new arrays go to a copy the loop never sees",
    "fix": "drop the copy, so that p[k] = ... rebinds the caller's keys",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
