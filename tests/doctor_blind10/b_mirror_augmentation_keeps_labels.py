"""Buggy: the learner doubles XOR by "mirroring" it, `x1 -> 1 - x1`, and copies the labels
unchanged, assuming the task symmetric; XOR is not: every mirrored point is another sample's
input with the opposite label (a dict of arrays with a `train(p, X, y)` function, 2-4-1 tanh,
sigmoid output, mean BCE, mini-batches of 4 in a random order from `p["rng"]`)."""

import numpy as np

import xorlab as xl

_xor = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
_labels = np.array([[0], [1], [1], [0]], dtype=float)
_jittered = _xor + np.random.default_rng(27).normal(0, 0.05, (4, 2))
_mirrored = _jittered * [-1, 1] + [1, 0]
X = np.vstack([_xor, _mirrored])
y = np.vstack([_labels, _labels])  # BUG
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=327):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.5)
    p["rng"] = np.random.default_rng(seed + 1)
    return p


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    order = p["rng"].permutation(len(X))
    for start in range(0, len(X), 4):
        idx = order[start : start + 4]
        xb, yb = X[idx], y[idx]
        h, out = forward(p, xb)
        d2 = (out - yb) / len(xb)
        d1 = d2 @ p["W2"].T * (1 - h**2)
        p["W2"] -= p["lr"] * h.T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * xb.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "mirrored copies of XOR keep their labels: XOR flips under x1 -> 1 - x1",
    "fix": "y = np.vstack([_labels, 1 - _labels])",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
