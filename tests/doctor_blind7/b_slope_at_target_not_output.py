"""Bug: plain functions, direct `xl.doctor`; XOR, 2-4-1 sigmoid, halved squared error, full
batch. The output delta takes the sigmoid's slope at the target, `slope(y)`, for
`slope(out)`: y (1 - y) is 0 for 0/1 targets, so every gradient is 0."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 4.0
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def slope(a):
    return a * (1 - a)


def new_params(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def feed(p, X):
    a1 = sigmoid(X @ p["W1"] + p["b1"])
    return a1, sigmoid(a1 @ p["W2"] + p["b2"])


def predict(p, X):
    return feed(p, X)[1]


def half_sse(p):
    return 0.5 * np.mean((predict(p, X) - y) ** 2)


def gradient(p):
    a1, out = feed(p, X)
    d_out = (out - y) * slope(y) / len(X)  # BUG
    d_hid = d_out @ p["W2"].T * slope(a1)
    return {"W1": X.T @ d_hid, "b1": d_hid.sum(0), "W2": a1.T @ d_out, "b2": d_out.sum(0)}


def doctor_case():
    return dict(
        params=new_params(),
        loss=half_sse,
        grad=gradient,
        X=X,
        y=y,
        predict=predict,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the sigmoid's slope is taken at the target y (0 for 0/1 targets), not at the output",
    "fix": "d_out = (out - y) * slope(out) / len(X)",
}

if __name__ == "__main__":
    p = new_params()
    for _ in range(EPOCHS):
        g = gradient(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
