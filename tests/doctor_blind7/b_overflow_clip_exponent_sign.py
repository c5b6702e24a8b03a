"""Bug: plain functions, direct `xl.doctor`; XOR, 2-4-1 tanh, sigmoid output, mean BCE, full
batch. The learner guards the sigmoid against overflow with `np.clip(z, -1e-2, 1e-2)`, the
exponent's sign typed wrong for `1e2`: every output stays within 0.0025 of 0.5 (and the
backward pass ignores the clip)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 0.5
EPOCHS = 600


# --- the learner's code ---
def sigmoid(z):
    z = np.clip(z, -1e-2, 1e-2)  # BUG
    return 1 / (1 + np.exp(-z))


def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def model(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, sigmoid(h @ p["W2"] + p["b2"])


def predict(p, X):
    return model(p, X)[1]


def log_loss(p):
    out = predict(p, X)
    return -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))


def grads(p):
    h, out = model(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def doctor_case():
    return dict(
        params=init(), loss=log_loss, grad=grads, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the overflow guard clips the logits to +-1e-2 (typed for 1e2): outputs pinned near 0.5",
    "fix": "z = np.clip(z, -1e2, 1e2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grads(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
