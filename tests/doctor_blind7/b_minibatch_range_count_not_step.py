"""Bug: dict + train with mini-batches of 2, XOR, 2-4-1 tanh, sigmoid output, BCE. The batch
loop is `for start in range(len(X) // BATCH)` (0 and 1) for `range(0, len(X), BATCH)` (0 and
2): the batches are samples 0-1 and 1-2, and sample 3 is never trained."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
BATCH = 2
EPOCHS = 600


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    for start in range(len(X) // BATCH):  # BUG
        xb, yb = X[start : start + BATCH], y[start : start + BATCH]
        h, out = forward(p, xb)
        d2 = (out - yb) / len(xb)
        d1 = d2 @ p["W2"].T * (1 - h**2)
        p["W2"] -= p["lr"] * h.T @ d2
        p["b2"] -= p["lr"] * d2.sum(0)
        p["W1"] -= p["lr"] * xb.T @ d1
        p["b1"] -= p["lr"] * d1.sum(0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "range(len(X) // BATCH) counts batches but is used as start offsets: batches "
    "0-1 and 1-2, sample 3 never trained",
    "fix": "for start in range(0, len(X), BATCH):",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
