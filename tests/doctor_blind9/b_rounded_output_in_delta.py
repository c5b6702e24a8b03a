"""Bug (plain functions, direct `xl.doctor`): the output delta computed from the rounded
outputs, `np.round(out) - y`: a sample stops contributing as soon as its output is on the
right side of 0.5 (2-4-1 tanh, sigmoid output, mean BCE, the default step, XOR)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
LR = 1.0


# --- the learner's code ---
def init(seed=140):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def run(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return run(p, Z)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = run(p, X)
    d2 = (np.round(out) - y) / len(X)  # BUG
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return {
        "params": init(),
        "loss": loss,
        "grad": grad,
        "X": X,
        "y": y,
        "predict": predict,
        "lr": LR,
        "epochs": EPOCHS,
    }


EXPECTED = {
    "healthy": False,
    "bug": "the output delta uses np.round(out): zero for every sample on its side",
    "fix": "d2 = (out - y) / len(X)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
