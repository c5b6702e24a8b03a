"""Bug: momentum with v = mu v - lr g, then w -= v: the minus is applied twice, it climbs."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def init(seed=3):
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


def bce(p):
    out = np.clip(forward(p, X)[1], 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def backprop(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def momentum(lr=0.5, mu=0.9):
    velocity = {}

    def step(p, g):
        for k in p:
            velocity[k] = mu * velocity.get(k, 0.0) - lr * g[k]
        return {k: p[k] - velocity[k] for k in p}  # should be + velocity

    return step


# --- the adaptation: grad is the backward pass, step the learner's momentum update ---
def doctor_case():
    return dict(
        params=init(),
        loss=bce,
        grad=backprop,
        X=X,
        y=y,
        predict=lambda p, Z: forward(p, Z)[1],
        step=momentum(),
        lr=0.5,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "velocity already holds -lr g, and the update subtracts it: gradient ascent",
    "fix": "return {k: p[k] + velocity[k]}",
}

if __name__ == "__main__":
    p, step = init(), momentum()
    for _ in range(EPOCHS):
        p = step(p, backprop(p))
    print(bce(p), np.round(forward(p, X)[1].ravel(), 3))
