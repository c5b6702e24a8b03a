"""Bug: a dict of arrays trained in mini-batches of 2; the output delta is written
(out - y) but the hidden layer's error is written with the other convention, (y - out),
copied from a tutorial that used it throughout. The hidden layer climbs its loss.
tanh hidden, sigmoid output, mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def build(seed=13):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def run(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return run(p, X)[1]


def train(p, X, y):
    for s in (0, 2):
        xb, yb = X[s : s + 2], y[s : s + 2]
        h, out = run(p, xb)
        d2 = (out - yb) / len(xb)
        d1 = ((yb - out) / len(xb) @ p["W2"].T) * (1 - h**2)  # BUG
        p["W2"] -= p["lr"] * h.T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * xb.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(build(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "hidden error written (y - out) while the output delta is (out - y)",
    "fix": "d1 = (d2 @ p['W2'].T) * (1 - h**2)",
}

if __name__ == "__main__":
    p = build()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
