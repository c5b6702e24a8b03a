"""Healthy, unusual: plain functions and a direct `xl.doctor` call. Maxout hidden units (each
the larger of two linear pieces, A and B), 2-3-1, sigmoid output, mean BCE, full batch, the
doctor's default step (params - lr * grads)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, EPOCHS = 0.5, 1500


# --- the learner's code ---
def init(seed=4, hidden=3):
    rng = np.random.default_rng(seed)
    return {
        "Wa": rng.normal(0, 1, (2, hidden)),
        "ba": np.zeros(hidden),
        "Wb": rng.normal(0, 1, (2, hidden)),
        "bb": np.zeros(hidden),
        "W2": rng.normal(0, 1, (hidden, 1)),
        "b2": np.zeros(1),
    }


def forward(p, X):
    za, zb = X @ p["Wa"] + p["ba"], X @ p["Wb"] + p["bb"]
    h = np.maximum(za, zb)
    return za >= zb, h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[2]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    pick_a, h, out = forward(p, X)
    dz = (out - y) / len(X)
    dh = dz @ p["W2"].T
    da, db = dh * pick_a, dh * ~pick_a
    return {
        "Wa": X.T @ da,
        "ba": da.sum(axis=0),
        "Wb": X.T @ db,
        "bb": db.sum(axis=0),
        "W2": h.T @ dz,
        "b2": dz.sum(axis=0),
    }


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
