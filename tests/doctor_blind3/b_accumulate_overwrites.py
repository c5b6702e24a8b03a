"""Bug: a full-batch step built from a loop over samples whose "accumulation" uses = instead
of +=, so the step follows the last sample's gradient only (dict of arrays and a train
function, tanh hidden layer, mean BCE)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def predict(p, X):
    return 1 / (1 + np.exp(-(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def train(p, X, y, lr=1.0):
    g = {k: np.zeros_like(v) for k, v in p.items()}
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        h = np.tanh(x @ p["W1"] + p["b1"])
        d2 = predict(p, x) - t
        d1 = d2 @ p["W2"].T * (1 - h**2)
        # BUG: "=" keeps only this sample's gradient; "+=" was meant
        g["W2"] = h.T @ d2
        g["b2"] = d2[0]
        g["W1"] = x.T @ d1
        g["b1"] = d1[0]
    for k in p:
        p[k] -= lr * g[k] / len(X)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the per-sample gradients are assigned (=), not added (+=): only the last sample counts",
    "fix": "g['W2'] += h.T @ d2 (and the same for the other three)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
