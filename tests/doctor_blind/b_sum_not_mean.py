"""Bug: the printed loss is the mean BCE, the gradient sums over the samples (no 1/n)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def init(seed=2):
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


def mean_bce(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    d2 = out - y  # the mean's 1/n is never applied
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def step(p, g, lr=0.5):
    return {k: p[k] - lr * g[k] for k in p}


# --- the adaptation (field guide, "The doctor") ---
def doctor_case():
    return dict(
        params=init(),
        loss=mean_bce,
        grad=grad,
        X=X,
        y=y,
        predict=lambda p, Z: forward(p, Z)[1],
        step=step,
        lr=0.5,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "mean loss, summed gradient: every array n = 4 times too large",
    "fix": "divide the output error by len(X) (or print the summed loss)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    print(mean_bce(p), np.round(forward(p, X)[1].ravel(), 3))
