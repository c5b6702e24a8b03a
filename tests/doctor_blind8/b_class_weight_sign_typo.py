"""Bug: plain functions and a direct `xl.doctor` call on an imbalanced set (6 points, 2 of
class 1), 2-4-1 tanh, sigmoid output; the backward pass weights each sample to balance the
classes, `y * n / n_pos + (y - 1) * n / n_neg`: `(y - 1)` for `(1 - y)` makes class 0's
weights negative. The printed loss, the weighted mean BCE, writes its weights right."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.1], [0.9, 0.8]])
y = np.array([[0], [1], [1], [0], [0], [0]], dtype=float)
LR, EPOCHS = 0.5, 1500


# --- the learner's code ---
def init(seed=28):
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
    n, n_pos = len(y), y.sum()
    w = y * n / (2 * n_pos) + (1 - y) * n / (2 * (n - n_pos))
    out = predict(p, X)
    return float(-np.mean(w * (y * np.log(out) + (1 - y) * np.log(1 - out))))


def grad(p):
    n, n_pos = len(y), y.sum()
    w = y * n / (2 * n_pos) + (y - 1) * n / (2 * (n - n_pos))  # BUG
    h, out = forward(p, X)
    dz = w * (out - y) / n
    dh = dz @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "class weights typed (y - 1) for (1 - y): class 0's samples pushed the wrong way",
    "fix": "(1 - y) * n / (2 * (n - n_pos))",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
