"""Healthy: plain functions, a step that clips the gradient's global norm before SGD."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2500


# --- the learner's code ---
def init(seed=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, A):
    h = np.tanh(A @ p["W1"] + p["b1"])
    return h, h @ p["W2"] + p["b2"]


def mse(p):
    return float(np.mean((forward(p, X)[1] - y) ** 2))


def grads(p):
    h, out = forward(p, X)
    d2 = 2 * (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def clipped_sgd(p, g, lr=0.2, max_norm=1.0):
    norm = np.sqrt(sum(np.sum(v**2) for v in g.values()))
    scale = min(1.0, max_norm / (norm + 1e-12))
    return {k: p[k] - lr * scale * g[k] for k in p}


def doctor_case():
    return dict(
        params=init(),
        loss=mse,
        grad=grads,
        X=X,
        y=y,
        predict=lambda p, A: forward(p, A)[1],
        step=clipped_sgd,
        lr=0.2,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: clipping the global norm to 1 only shortens the largest steps",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = clipped_sgd(p, grads(p))
    print(mse(p), np.round(forward(p, X)[1].ravel(), 3))
