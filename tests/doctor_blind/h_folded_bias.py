"""Healthy: biases folded into the weights through a column of ones, functional code."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def ones(A):
    return np.hstack([A, np.ones((len(A), 1))])


def init(seed=3):
    rng = np.random.default_rng(seed)
    return {"V": rng.normal(0, 1, (3, 3)), "w": rng.normal(0, 1, (4, 1))}  # last rows: biases


def forward(p, Z):
    h = np.tanh(ones(Z) @ p["V"])
    return h, 1 / (1 + np.exp(-(ones(h) @ p["w"])))


def loss(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    e = (out - y) / len(X)
    dh = (e @ p["w"][:-1].T) * (1 - h**2)  # the bias row of w does not feed back
    return {"V": ones(X).T @ dh, "w": ones(h).T @ e}


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
        predict=lambda p, Z: forward(p, Z)[1],
        step=step,
        lr=1.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the folded bias row is excluded from the backpropagated error",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    print(loss(p), np.round(forward(p, X)[1].ravel(), 3))
