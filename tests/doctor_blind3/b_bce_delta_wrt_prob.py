"""Bug: the output delta is dL/dp of the BCE, (p - y) / (p (1 - p)), used as if it were dL/dz:
the sigmoid's derivative p (1 - p) is never multiplied in. Plain functions with their own
gradient; the doctor is called directly."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, EPOCHS = 0.5, 1000


# --- the learner's code ---
def init(seed=7):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return forward(p, Z)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    dp = (out - y) / (out * (1 - out)) / len(X)  # dL/dp
    d2 = dp  # BUG: dL/dz = dp * out * (1 - out)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the sigmoid's derivative is missing at the output: dL/dp is used as dL/dz",
    "fix": "d2 = dp * out * (1 - out), i.e. (out - y) / n",
}

if __name__ == "__main__":
    p = init()
    with np.errstate(all="ignore"):
        for _ in range(EPOCHS):
            p = {k: p[k] - LR * g for k, g in grad(p).items()}
        out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
