"""Healthy: plain functions of a parameter dict, mean BCE plus an L2 penalty that appears in
both the printed loss and the gradient; the doctor is called directly (no adapter)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, LAM, EPOCHS = 0.5, 1e-3, 1500


# --- the learner's code ---
def init(seed=4):
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
    bce = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))
    penalty = 0.5 * LAM * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
    return float(bce + penalty)


def grad(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {
        "W1": X.T @ d1 + LAM * p["W1"],
        "b1": d1.sum(axis=0),
        "W2": h.T @ d2 + LAM * p["W2"],
        "b2": d2.sum(axis=0),
    }


def step(p, g):
    return {k: p[k] - LR * g[k] for k in p}


def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=y,
        predict=predict,
        step=step,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the L2 term 0.5*lam*|W|^2 is in the printed loss and lam*W in the gradient",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
