"""Bug: the hidden delta of a square 4-4-4 encoder written `d2 * W2.T` for `d2 @ W2.T`: with
every matrix 4 x 4 the elementwise product raises no error (dict with `train(p, X, y)`, tanh
hidden units, softmax cross-entropy, full batch)."""

import numpy as np

import xorlab as xl

X = np.eye(4)
y = np.eye(4)
EPOCHS = 1000


# --- the learner's code ---
def init(seed=130):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (4, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 4)),
        "b2": np.zeros(4),
        "lr": 1.0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    s = h @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 * p["W2"].T * (1 - h**2)  # BUG
    p["W2"] -= p["lr"] * h.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "d2 * W2.T (elementwise) for d2 @ W2.T in the hidden delta",
    "fix": "d1 = d2 @ p['W2'].T * (1 - h**2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - y).max():.3f}")
