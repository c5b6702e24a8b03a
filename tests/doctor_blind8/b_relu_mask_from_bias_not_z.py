"""Bug: a dict of arrays with a train function, 2-4-1 ReLU, sigmoid output, mean BCE, full
batch. The ReLU's backward mask is written `p["b1"] > 0` (the hidden biases, shape (4,),
which broadcast over the samples) for `z > 0`: with biases starting at 0 nothing passes
back to the hidden layer."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=67):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X):
    z = X @ p["W1"] + p["b1"]
    a = np.maximum(0, z)
    return z, a, 1 / (1 + np.exp(-(a @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[2]


def train(p, X, y):
    z, a, out = forward(p, X)
    dz2 = (out - y) / len(X)
    dz1 = dz2 @ p["W2"].T * (p["b1"] > 0)  # BUG
    grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": a.T @ dz2, "b2": dz2.sum(axis=0)}
    for k, g in grads.items():
        p[k] -= p["lr"] * g


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "ReLU mask from the biases (p['b1'] > 0) instead of z > 0: all zero at the start",
    "fix": "(z > 0)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
