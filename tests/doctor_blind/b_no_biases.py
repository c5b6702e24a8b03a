"""Bug: no biases anywhere; with sigmoid units the output at (0, 0) is pinned."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def init(seed=16):
    rng = np.random.default_rng(seed)
    return {"W1": rng.normal(0, 1, (2, 4)), "W2": rng.normal(0, 1, (4, 1))}


def forward(p, Z):
    h = np.tanh(Z @ p["W1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"])))


def loss(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "W2": h.T @ d2}


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
    "healthy": False,
    "bug": "no biases: tanh(0) = 0, so the output at input (0, 0) is 0.5 whatever the weights",
    "fix": "add biases b1 and b2 (with their gradients)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    print(loss(p), np.round(forward(p, X)[1].ravel(), 3))
