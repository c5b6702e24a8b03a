"""Healthy: plain functions, the loss is the SUM 0.5 * sum((out - y)**2), printed as a sum,
with the gradient of that sum and a rate chosen for the sum."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def init(seed=6):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.uniform(-1, 1, (2, 3)),
        "b1": rng.uniform(-1, 1, 3),
        "W2": rng.uniform(-1, 1, (3, 1)),
        "b2": rng.uniform(-1, 1, 1),
    }


def forward(p, A):
    h = 1 / (1 + np.exp(-(A @ p["W1"] + p["b1"])))
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def sse(p):
    return float(0.5 * np.sum((forward(p, X)[1] - y) ** 2))


def backward(p):
    h, out = forward(p, X)
    d2 = (out - y) * out * (1 - out)
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def doctor_case():
    return dict(
        params=init(),
        loss=sse,
        grad=backward,
        X=X,
        y=y,
        predict=lambda p, A: forward(p, A)[1],
        lr=2.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the gradient is that of the summed loss the code prints",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = backward(p)
        p = {k: p[k] - 2.0 * g[k] for k in p}
    print(sse(p), np.round(forward(p, X)[1].ravel(), 3))
