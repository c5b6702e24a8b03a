"""Bug: plain functions, direct `xl.doctor`; XOR, 2-8-1 ReLU, sigmoid output, mean BCE, full
batch. The ReLU derivative is written `(z1 < 0)`, the mask of the units that are off, for
`(z1 > 0)`."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 0.5
EPOCHS = 800


# --- the learner's code ---
def init_weights(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 8)),
        "b1": np.full(8, 0.1),
        "W2": rng.normal(0, 0.5, (8, 1)),
        "b2": np.zeros(1),
    }


def run(p, X):
    z1 = X @ p["W1"] + p["b1"]
    a1 = np.maximum(z1, 0)
    return z1, a1, 1 / (1 + np.exp(-(a1 @ p["W2"] + p["b2"])))


def predict(p, X):
    return run(p, X)[2]


def cost(p):
    out = predict(p, X)
    return -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))


def relu_grad(z):
    return (z < 0).astype(float)  # BUG


def backprop(p):
    z1, a1, out = run(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * relu_grad(z1)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": a1.T @ d2, "b2": d2.sum(0)}


def doctor_case():
    return dict(
        params=init_weights(),
        loss=cost,
        grad=backprop,
        X=X,
        y=y,
        predict=predict,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the ReLU derivative is (z < 0), the mask of the units that are off",
    "fix": "(z > 0).astype(float)",
}

if __name__ == "__main__":
    p = init_weights()
    for _ in range(EPOCHS):
        g = backprop(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
