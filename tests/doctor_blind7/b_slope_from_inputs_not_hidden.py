"""Bug: dict + train, XOR with the biases folded in (a column of ones in X, so X is (4, 3)),
3-3-1 tanh with a sigmoid output, BCE, full batch. The hidden slope is written
`(1 - X**2)` for `(1 - H**2)`: both are (4, 3), so the inputs' "slope" (0 wherever an input is
1, always 0 in the ones column) goes through silently."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "V": rng.normal(0, 1, (3, 3)),
        "w": rng.normal(0, 1, (3, 1)),
        "c": np.zeros(1),
        "lr": 0.5,
    }


def predict(p, X):
    return 1 / (1 + np.exp(-(np.tanh(X @ p["V"]) @ p["w"] + p["c"])))


def train(p, X, y):
    H = np.tanh(X @ p["V"])
    out = 1 / (1 + np.exp(-(H @ p["w"] + p["c"])))
    err = (out - y) / len(X)
    dH = err @ p["w"].T * (1 - X**2)  # BUG
    p["w"] -= p["lr"] * H.T @ err
    p["c"] -= p["lr"] * err.sum(axis=0)
    p["V"] -= p["lr"] * X.T @ dH


def doctor_case():
    return xl.adapt(init(), "V w c", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the hidden slope is 1 - X**2 (the inputs, same shape (4, 3)), not 1 - H**2",
    "fix": "dH = err @ p['w'].T * (1 - H**2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
