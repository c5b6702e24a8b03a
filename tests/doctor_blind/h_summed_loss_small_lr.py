"""Healthy: functional code on the *summed* BCE, printed and differentiated, small rate."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, EPOCHS = 0.25, 2000


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


def total_loss(p):
    out = forward(p, X)[1]
    return float(-np.sum(y * np.log(out) + (1 - y) * np.log(1 - out)))


def gradients(p):
    h, out = forward(p, X)
    d2 = out - y  # summed loss: no 1/n anywhere
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def update(p, g):
    return {k: p[k] - LR * g[k] for k in p}


# --- the adaptation (field guide, "The doctor") ---
def doctor_case():
    return dict(
        params=init(),
        loss=total_loss,
        grad=gradients,
        X=X,
        y=y,
        predict=lambda p, Z: forward(p, Z)[1],
        step=update,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the summed loss with its own gradient and a smaller rate is consistent",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = update(p, gradients(p))
    print(total_loss(p), np.round(forward(p, X)[1].ravel(), 3))
