"""Bug: a dict of arrays with a train function, mini-batches of 2 over 8 points (XOR's
corners and a seeded jittered copy), 2-4-1 tanh, sigmoid output, mean BCE. Each epoch
shuffles with `p["rng"].shuffle(X)`: the rows of X, in place, and not y."""

import numpy as np

import xorlab as xl

corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
X = np.vstack([corners, corners + np.random.default_rng(36).normal(0, 0.1, (4, 2))])
y = np.array([[0], [1], [1], [0]] * 2, dtype=float)
X_ORIGINAL = X.copy()
EPOCHS = 800


# --- the learner's code ---
def init(seed=37):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
        "rng": np.random.default_rng(seed + 1),
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    p["rng"].shuffle(X)  # BUG
    for s in range(0, len(X), 2):
        xb, yb = X[s : s + 2], y[s : s + 2]
        h, out = forward(p, xb)
        dz = (out - yb) / len(xb)
        dh = dz @ p["W2"].T * (1 - h**2)
        grads = {"W1": xb.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k, g in grads.items():
            p[k] -= p["lr"] * g


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "rng.shuffle(X) permutes the inputs in place and leaves y: pairs broken every epoch",
    "fix": 'order = p["rng"].permutation(len(X)); X, y = X[order], y[order]',
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X_ORIGINAL)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
