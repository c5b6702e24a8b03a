"""Bug: the printed loss is mean((p - y)**2) but the gradient forgets its factor 2."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 4000


# --- the learner's code ---
def init(seed=18):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = 1 / (1 + np.exp(-(Z @ p["W1"] + p["b1"])))
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def mse(p):
    return float(np.mean((forward(p, X)[1] - y) ** 2))


def grad(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X) * out * (1 - out)  # d/dp of (p - y)**2 is 2 (p - y)
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def step(p, g, lr=4.0):
    return {k: p[k] - lr * g[k] for k in p}


# --- the adaptation (field guide, "The doctor") ---
def doctor_case():
    return dict(
        params=init(),
        loss=mse,
        grad=grad,
        X=X,
        y=y,
        predict=lambda p, Z: forward(p, Z)[1],
        step=step,
        lr=4.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "gradient of mean((p - y)**2) misses the factor 2 (it is the halved MSE's)",
    "fix": "d2 = 2 * (out - y) / n * out * (1 - out), or print the halved MSE",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    print(mse(p), np.round(forward(p, X)[1].ravel(), 3))
