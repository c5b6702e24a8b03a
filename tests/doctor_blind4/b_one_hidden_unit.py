"""Buggy: dict + train function whose layer sizes were typed (2, 1, 1): ONE tanh hidden unit,
which cannot represent XOR (the output is a monotone function of one projection of the
inputs). Everything else is right: sigmoid output, mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
SIZES = (2, 1, 1)  # BUG


# --- the learner's code ---
def build(sizes=SIZES, seed=0):
    rng = np.random.default_rng(seed)
    d, hdim, k = sizes
    return {
        "W1": rng.normal(0, 1, (d, hdim)),
        "b1": np.zeros(hdim),
        "W2": rng.normal(0, 1, (hdim, k)),
        "b2": np.zeros(k),
        "lr": 0.5,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    p["W2"] -= p["lr"] * h.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(build(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "one hidden unit (sizes 2-1-1): the model cannot represent XOR",
    "fix": "SIZES = (2, 3, 1)",
}

if __name__ == "__main__":
    p = build()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
