"""Buggy: plain functions, direct `xl.doctor`; the learner has a helper for the
BCE-from-logits delta, sigmoid(z) - y, and calls it with the output PROBABILITY instead of the
logit, so the delta is sigmoid(sigmoid(z)) - y: the sigmoid applied twice. tanh hidden layer,
mean BCE printed from the probabilities."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, EPOCHS = 0.5, 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def logit_delta(z, y):
    """dBCE/dz for a logit z."""
    return sigmoid(z) - y


def init(seed=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, sigmoid(h @ p["W2"] + p["b2"])


def predict(p, X):
    return forward(p, X)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    d2 = logit_delta(out, y) / len(X)  # BUG
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the logit delta helper is given the probability: sigmoid(sigmoid(z)) - y",
    "fix": "pass the logit, or write d2 = (out - y) / len(X)",
}

if __name__ == "__main__":
    p = init()
    with np.errstate(over="ignore"):
        for _ in range(EPOCHS):
            g = grad(p)
            p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
