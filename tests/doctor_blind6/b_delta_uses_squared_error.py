"""Bug: the output delta is written with the loss itself, (out - y)**2 * sigmoid', instead of
its derivative 2 (out - y) * sigmoid': always >= 0, so every output is pushed down. Functions,
direct `xl.doctor`, 2-4-1 sigmoid network, mean squared error, full batch on XOR."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000
LR = 3.0


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(seed=17):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def predict(p, X):
    h = sigmoid(X @ p["W1"] + p["b1"])
    return sigmoid(h @ p["W2"] + p["b2"])


def loss(p):
    return float(np.mean((predict(p, X) - y) ** 2))


def grad(p):
    h = sigmoid(X @ p["W1"] + p["b1"])
    out = sigmoid(h @ p["W2"] + p["b2"])
    d2 = (out - y) ** 2 * out * (1 - out) / len(X)  # BUG
    d1 = (d2 @ p["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "output delta (out - y)**2 * sigmoid' (the loss, not its derivative)",
    "fix": "2 * (out - y) * sigmoid'",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
