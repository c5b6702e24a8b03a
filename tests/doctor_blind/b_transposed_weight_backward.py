"""Bug: two hidden layers of 2; the error goes back through W2 instead of W2.T."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def init(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 2)),
        "b2": np.zeros(2),
        "W3": rng.normal(0, 1, (2, 1)),
        "b3": np.zeros(1),
    }


def forward(p, Z):
    h1 = np.tanh(Z @ p["W1"] + p["b1"])
    h2 = np.tanh(h1 @ p["W2"] + p["b2"])
    return h1, h2, 1 / (1 + np.exp(-(h2 @ p["W3"] + p["b3"])))


def loss(p):
    out = forward(p, X)[2]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h1, h2, out = forward(p, X)
    d3 = (out - y) / len(X)
    d2 = (d3 @ p["W3"].T) * (1 - h2**2)
    d1 = (d2 @ p["W2"]) * (1 - h1**2)  # W2 is square, so the missing .T raises nothing
    return {
        "W1": X.T @ d1,
        "b1": d1.sum(axis=0),
        "W2": h1.T @ d2,
        "b2": d2.sum(axis=0),
        "W3": h2.T @ d3,
        "b3": d3.sum(axis=0),
    }


def step(p, g, lr=1.0):
    return {k: p[k] - lr * g[k] for k in p}


# --- the adaptation (field guide, "The doctor") ---
def doctor_case():
    return dict(
        params=init(),
        loss=loss,
        grad=grad,
        X=X,
        y=y,
        predict=lambda p, Z: forward(p, Z)[2],
        step=step,
        lr=1.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "backward pass multiplies by W2 instead of W2.T (wrong W1, b1)",
    "fix": "d1 = (d2 @ W2.T) * (1 - h1**2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    print(loss(p), np.round(forward(p, X)[2].ravel(), 3))
