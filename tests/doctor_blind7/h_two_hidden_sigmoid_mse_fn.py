"""Healthy: plain functions, direct `xl.doctor`. XOR with 2-4-4-1 sigmoid units everywhere,
mean squared error, full batch, the default step."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 3.0
EPOCHS = 3000


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 4)),
        "b2": np.zeros(4),
        "W3": rng.normal(0, 1, (4, 1)),
        "b3": np.zeros(1),
    }


def layers(p, X):
    a1 = sig(X @ p["W1"] + p["b1"])
    a2 = sig(a1 @ p["W2"] + p["b2"])
    return a1, a2, sig(a2 @ p["W3"] + p["b3"])


def predict(p, X):
    return layers(p, X)[2]


def mse(p):
    return np.mean((predict(p, X) - y) ** 2)


def grad(p):
    a1, a2, a3 = layers(p, X)
    d3 = 2 * (a3 - y) / len(X) * a3 * (1 - a3)
    d2 = d3 @ p["W3"].T * a2 * (1 - a2)
    d1 = d2 @ p["W2"].T * a1 * (1 - a1)
    return {
        "W3": a2.T @ d3,
        "b3": d3.sum(0),
        "W2": a1.T @ d2,
        "b2": d2.sum(0),
        "W1": X.T @ d1,
        "b1": d1.sum(0),
    }


def doctor_case():
    return dict(params=init(), loss=mse, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
