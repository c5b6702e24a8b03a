"""Bug (plain functions, direct `xl.doctor`): the hidden activation typed `np.tan` for
`np.tanh` in the forward pass, while the backward pass uses tanh's derivative `1 - h**2`
(2-3-1, sigmoid output, mean BCE, the default step, XOR)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
LR = 0.5


# --- the learner's code ---
def init(seed=129):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "b2": np.zeros(1),
    }


def layers(p, Z):
    h = np.tan(Z @ p["W1"] + p["b1"])  # BUG
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return layers(p, Z)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = layers(p, X)
    d2 = (out - y) / len(X)
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
    "bug": "np.tan for np.tanh: the backward pass is tanh's, the forward pass is not",
    "fix": "h = np.tanh(Z @ p['W1'] + p['b1'])",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
