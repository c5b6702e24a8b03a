"""Buggy: the identity map on one bit with a 1-2-1 net as plain functions, direct
`xl.doctor`: sigmoid hidden units and a LINEAR output with the mean squared error, but the
output delta still carries the sigmoid's slope p (1 - p), copied from a sigmoid-output net;
for an output outside (0, 1) that factor is negative. Full batch."""

import numpy as np

X = np.array([[0.0], [1.0]])
y = np.array([[0.0], [1.0]])
LR, EPOCHS = 0.5, 1500


# --- the learner's code ---
def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (1, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 1)),
        "b2": np.zeros(1),
    }


def hidden(p, X):
    return 1 / (1 + np.exp(-(X @ p["W1"] + p["b1"])))


def predict(p, X):
    return hidden(p, X) @ p["W2"] + p["b2"]


def loss(p):
    return float(np.mean((predict(p, X) - y) ** 2))


def grad(p):
    h = hidden(p, X)
    out = h @ p["W2"] + p["b2"]
    e = 2 * (out - y) / len(X) * out * (1 - out)  # BUG
    d1 = (e @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ e, "b2": e.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "a linear output's delta multiplied by the sigmoid slope out * (1 - out)",
    "fix": "e = 2 * (out - y) / len(X)",
}

if __name__ == "__main__":
    p = init()
    with np.errstate(all="ignore"):
        for _ in range(EPOCHS):
            g = grad(p)
            p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
