"""Healthy: plain functions, a BCE averaged with per-sample weights (the two XOR positives
count twice as much: loss = sum w_i l_i / sum w_i) and the matching gradient
w_i (p_i - y_i) / sum w. Sigmoid hidden layer, sigmoid output. Direct `xl.doctor` call with
the weighted loss as `loss`."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
w = np.array([[1.0], [2.0], [2.0], [1.0]])
LR = 3.0
EPOCHS = 1200


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


def init(seed=12):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1.5, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1.5, (3, 1)),
        "b2": np.zeros(1),
    }


def predict(p, Z):
    return sig(sig(Z @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def weighted_bce(p):
    out = predict(p, X)
    per = -(y * np.log(out) + (1 - y) * np.log(1 - out))
    return float((w * per).sum() / w.sum())


def grad(p):
    h = sig(X @ p["W1"] + p["b1"])
    out = sig(h @ p["W2"] + p["b2"])
    d2 = w * (out - y) / w.sum()
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(),
        loss=weighted_bce,
        grad=grad,
        X=X,
        y=y,
        predict=predict,
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: a weighted mean of BCE has the weighted mean of p - y as its delta",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
