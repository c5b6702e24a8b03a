"""Healthy: plain functions and a direct `xl.doctor` call with the default step. Three tanh
hidden layers 2-5-5-5-1, sigmoid output, mean BCE, full batch on XOR; the backward pass is a
loop over the layers kept in a dict W1..W4, b1..b4."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
LR = 0.5
SIZES = (2, 5, 5, 5, 1)


# --- the learner's code ---
def init(seed=7):
    rng = np.random.default_rng(seed)
    p = {}
    for i in range(1, len(SIZES)):
        p[f"W{i}"] = rng.normal(0, 1 / np.sqrt(SIZES[i - 1]), (SIZES[i - 1], SIZES[i]))
        p[f"b{i}"] = np.zeros(SIZES[i])
    return p


def activations(p, X):
    acts = [X]
    for i in range(1, 4):
        acts.append(np.tanh(acts[-1] @ p[f"W{i}"] + p[f"b{i}"]))
    acts.append(1 / (1 + np.exp(-(acts[-1] @ p["W4"] + p["b4"]))))
    return acts


def predict(p, X):
    return activations(p, X)[-1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    acts = activations(p, X)
    delta = (acts[-1] - y) / len(X)
    g = {}
    for i in range(4, 0, -1):
        g[f"W{i}"] = acts[i - 1].T @ delta
        g[f"b{i}"] = delta.sum(axis=0)
        if i > 1:
            delta = (delta @ p[f"W{i}"].T) * (1 - acts[i - 1] ** 2)
    return g


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
