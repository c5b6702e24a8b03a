"""Bug: XOR doubled (8 rows, for mini-batches later), the inputs with `np.tile` and the labels
with `np.repeat`: half the rows carry another input's label (dict with `train(p, X, y)`, 2-4-1
tanh, sigmoid output, mean BCE, full batch)."""

import numpy as np

import xorlab as xl

_base = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
_labels = np.array([[0], [1], [1], [0]], dtype=float)
X = np.tile(_base, (2, 1))
y = np.repeat(_labels, 2, axis=0)  # BUG
EPOCHS = 1500


# --- the learner's code ---
def init(seed=121):
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
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    p["W2"] -= p["lr"] * h.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "np.repeat for the labels next to np.tile for the inputs: pairs mixed up",
    "fix": "y = np.tile(_labels, (2, 1))",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
