"""Buggy: plain functions, direct `xl.doctor`; the targets come as uint8 (as labels read
from an image mask often do) and the BCE delta is computed the long way, dL/dp =
(-y/p + (1-y)/(1-p)) / n, times p (1 - p). For uint8, -y wraps around: -1 is 255, so every
positive sample pushes its output DOWN with weight 255. tanh hidden layer."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=np.uint8)  # BUG
LR, EPOCHS = 0.5, 2000


# --- the learner's code ---
def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    dout = (-y / out + (1 - y) / (1 - out)) / len(X)
    dz2 = dout * out * (1 - out)
    dz1 = (dz2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "uint8 targets: -y wraps to 255, so dL/dp has the wrong sign (x255) on positives",
    "fix": "y = y.astype(float) before training (or write the delta as (p - y) / n)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
