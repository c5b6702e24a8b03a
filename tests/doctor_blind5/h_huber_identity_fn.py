"""Healthy: plain functions, the identity map on two bits through 3 tanh units and a linear
output, trained on the Huber loss (quadratic below |e| = 0.5, linear above) with its own
gradient, clipped errors. The doctor does not know this loss; it is given as `loss`.
Direct `xl.doctor` call."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = X.copy()
DELTA = 0.5
LR = 0.5
EPOCHS = 800


# --- the learner's code ---
def init(seed=7):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 2)),
        "b2": np.zeros(2),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, h @ p["W2"] + p["b2"]


def predict(p, Z):
    return forward(p, Z)[1]


def huber(p):
    e = predict(p, X) - y
    small = np.abs(e) <= DELTA
    per = np.where(small, 0.5 * e**2, DELTA * (np.abs(e) - 0.5 * DELTA))
    return float(per.sum(axis=1).mean())


def huber_grad(p):
    h, out = forward(p, X)
    d2 = np.clip(out - y, -DELTA, DELTA) / len(X)  # Huber's slope: the error, clipped
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=huber, grad=huber_grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the Huber loss's gradient is the error clipped at +-delta",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = huber_grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - y).max():.3f}")
