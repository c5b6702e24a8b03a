"""Buggy: plain functions with a direct `xl.doctor` call; the output delta is averaged with
`//` where `/` was meant, `(out - y) // len(X)`: floor division of numbers between -1 and 1
gives -1 for every sample below its target and 0 (or -0) for every other, so outputs are
only ever pushed up (2-4-1 sigmoid hidden units and output, mean BCE, default step, a tiny
2-D set of 8 points)."""

import numpy as np

X = np.array(
    [[0.1, 0.2], [0.8, 0.9], [0.2, 0.9], [0.9, 0.1], [0.3, 0.1], [0.9, 0.8], [0.1, 0.7], [0.7, 0.2]]
)
y = np.array([[0], [0], [1], [1], [0], [0], [1], [1]], dtype=float)
LR, EPOCHS = 2.0, 1500


# --- the learner's code ---
def init(seed=319):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 2, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = 1 / (1 + np.exp(-(Z @ p["W1"] + p["b1"])))
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return forward(p, Z)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    d2 = (out - y) // len(X)  # BUG
    dh = d2 @ p["W2"].T * h * (1 - h)
    return {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "(out - y) // len(X): floor division, -1 or 0 per sample",
    "fix": "(out - y) / len(X)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
