"""Bug: plain functions; the output layer's gradient uses the mean, but the hidden layer is
back-propagated from the undivided error (a 1/n missing in one layer only)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000
LR = 3.0


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "b2": np.zeros(1),
    }


def forward(p, A):
    h = np.tanh(A @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def gradients(p):
    h, out = forward(p, X)
    err = out - y
    d1 = (err @ p["W2"].T) * (1 - h**2)  # err, not err / n
    gW2, gb2 = h.T @ err / len(X), err.mean(axis=0)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": gW2, "b2": gb2}


def doctor_case():
    return dict(
        params=init(),
        loss=bce,
        grad=gradients,
        X=X,
        y=y,
        predict=lambda p, A: forward(p, A)[1],
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "hidden-layer gradient 4x (n) too large: stuck at BCE 0.35 here (the fix fits);"
    " fails at 5 of seeds 0-7, the fix at 1",
    "fix": "d1 = (err / len(X) @ W2.T) * (1 - h**2)",
}

if __name__ == "__main__":
    p = init()
    with np.errstate(all="ignore"):
        for _ in range(EPOCHS):
            g = gradients(p)
            p = {k: p[k] - LR * g[k] for k in p}
        print(bce(p), np.round(forward(p, X)[1].ravel(), 3))
