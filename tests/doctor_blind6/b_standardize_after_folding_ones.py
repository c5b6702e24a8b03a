"""Bug: the column of ones for the folded hidden biases is appended BEFORE the inputs are
standardised: (1 - 1) / (0 + 1e-8) = 0, so the "bias" input is 0 and the hidden layer has no
bias. Functions, direct `xl.doctor`; 2(+1)-4-1, tanh hidden, sigmoid output with its own
bias, mean BCE, full batch on XOR."""

import numpy as np

X_raw = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
LR = 1.0


# --- the learner's code ---
def standardize(a):
    return (a - a.mean(axis=0)) / (a.std(axis=0) + 1e-8)


X = standardize(np.hstack([X_raw, np.ones((4, 1))]))  # BUG


def init(seed=23):
    rng = np.random.default_rng(seed)
    return {"W1": rng.normal(0, 1, (3, 4)), "W2": rng.normal(0, 1, (4, 1)), "b2": np.zeros(1)}


def predict(p, X):
    h = np.tanh(X @ p["W1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h = np.tanh(X @ p["W1"])
    out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "ones column appended before standardising: it becomes 0, no hidden bias",
    "fix": "standardise the inputs, then append the ones",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
