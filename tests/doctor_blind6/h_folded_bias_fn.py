"""Healthy: plain functions and a direct `xl.doctor` call. Biases folded in: X carries a
column of ones, the hidden activations get a 1 appended before the output layer. Sigmoid
hidden and output, halved mean squared error, full-batch gradient descent on XOR."""

import numpy as np

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2500
LR = 4.0


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(seed=6):
    rng = np.random.default_rng(seed)
    return {"V": rng.normal(0, 1, (3, 4)), "W": rng.normal(0, 1, (5, 1))}


def hidden(p, X):
    h = sigmoid(X @ p["V"])
    return np.hstack([h, np.ones((len(X), 1))])


def predict(p, X):
    return sigmoid(hidden(p, X) @ p["W"])


def loss(p):
    return float(0.5 * np.mean((predict(p, X) - y) ** 2))


def grad(p):
    h1 = hidden(p, X)
    out = sigmoid(h1 @ p["W"])
    delta = (out - y) * out * (1 - out) / len(X)
    dh = (delta @ p["W"].T)[:, :-1] * h1[:, :-1] * (1 - h1[:, :-1])
    return {"V": X.T @ dh, "W": h1.T @ delta}


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
