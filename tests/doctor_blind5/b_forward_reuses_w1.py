"""Bug: plain functions for a 2-2-2-1 net; the forward pass's second layer is typed
`h1 @ p["W1"] + p["b2"]` (W1 again, same shape as W2), while the backward pass is written
for the intended net with W2. Used by training, predicting and the loss alike. tanh hidden
layers, sigmoid output, mean BCE. Direct `xl.doctor` call."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 1.0
EPOCHS = 1500


# --- the learner's code ---
def init(seed=22):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 2)),
        "b2": np.zeros(2),
        "W3": rng.normal(0, 1, (2, 1)),
        "b3": np.zeros(1),
    }


def layers(p, Z):
    h1 = np.tanh(Z @ p["W1"] + p["b1"])
    h2 = np.tanh(h1 @ p["W1"] + p["b2"])  # BUG
    return h1, h2, 1 / (1 + np.exp(-(h2 @ p["W3"] + p["b3"])))


def predict(p, Z):
    return layers(p, Z)[2]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h1, h2, out = layers(p, X)
    d3 = (out - y) / len(X)
    d2 = (d3 @ p["W3"].T) * (1 - h2**2)
    d1 = (d2 @ p["W2"].T) * (1 - h1**2)
    return {
        "W1": X.T @ d1,
        "b1": d1.sum(axis=0),
        "W2": h1.T @ d2,
        "b2": d2.sum(axis=0),
        "W3": h2.T @ d3,
        "b3": d3.sum(axis=0),
    }


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "second layer's forward uses W1 instead of W2 (same shape); backward assumes W2",
    "fix": 'h2 = np.tanh(h1 @ p["W2"] + p["b2"])',
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
