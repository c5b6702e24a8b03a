"""Bug (a setting): correct code with a learning rate of 80."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def init(seed=15):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def loss(p):
    out = np.clip(forward(p, X)[1], 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def step(p, g, lr=80.0):
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
        lr=80.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "learning rate 80: the loss jumps around and saturates",
    "fix": "a learning rate near 0.5 to 2",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    print(loss(p), np.round(forward(p, X)[1].ravel(), 3))
