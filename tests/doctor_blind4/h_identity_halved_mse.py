"""Healthy: the identity map on one bit (x = 0 -> 0, x = 1 -> 1) with a 1-2-1 net as plain
functions, direct `xl.doctor`: sigmoid hidden units, a LINEAR output, and the halved mean
squared error 0.5 mean (p - y)^2, whose delta (p - y) / n has no factor 2."""

import numpy as np

X = np.array([[0.0], [1.0]])
y = np.array([[0.0], [1.0]])
LR, EPOCHS = 0.5, 1500


# --- the learner's code ---
def init(seed=9):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (1, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 1)),
        "b2": np.zeros(1),
    }


def hidden(p, X):
    return 1 / (1 + np.exp(-(X @ p["W1"] + p["b1"])))


def predict(p, X):
    return hidden(p, X) @ p["W2"] + p["b2"]


def loss(p):
    return float(0.5 * np.mean((predict(p, X) - y) ** 2))


def grad(p):
    h = hidden(p, X)
    e = (h @ p["W2"] + p["b2"] - y) / len(X)
    d1 = (e @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ e, "b2": e.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the halved MSE's delta is (p - y) / n, without the 2",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
