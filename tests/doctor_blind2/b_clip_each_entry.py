"""Bug: plain functions; "gradient clipping" clips every entry to +-0.0001 instead of the
norm, so every step is at most lr * 0.0001 per weight."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def init(seed=20):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, A):
    h = np.tanh(A @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def backprop(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def clipped_step(p, g, lr=1.0, clip=1e-4):
    return {k: p[k] - lr * np.clip(g[k], -clip, clip) for k in p}


def doctor_case():
    return dict(
        params=init(),
        loss=bce,
        grad=backprop,
        X=X,
        y=y,
        predict=lambda p, A: forward(p, A)[1],
        step=clipped_step,
        lr=1.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "each entry clipped to 1e-4: steps of at most 1e-4, far too slow in 3000 epochs",
    "fix": "clip the global norm (e.g. to 1), or no clipping at this scale",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = clipped_step(p, backprop(p))
    print(bce(p), np.round(forward(p, X)[1].ravel(), 3))
