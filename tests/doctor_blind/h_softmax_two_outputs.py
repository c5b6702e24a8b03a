"""Healthy: two softmax outputs with one-hot targets and the mean cross-entropy."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
labels = np.array([0, 1, 1, 0])
Y = np.eye(2)[labels]  # (4, 2) one-hot
EPOCHS = 1500


# --- the learner's code ---
def init(seed=9):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 2)),
        "b2": np.zeros(2),
    }


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, softmax(h @ p["W2"] + p["b2"])


def cross_entropy(p):
    return float(-np.mean(np.sum(Y * np.log(forward(p, X)[1]), axis=1)))


def grads(p):
    h, probs = forward(p, X)
    d2 = (probs - Y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def sgd(p, g, lr=1.0):
    return {k: p[k] - lr * g[k] for k in p}


# --- the adaptation (field guide, "The doctor"): y is the (n, k) one-hot matrix ---
def doctor_case():
    return dict(
        params=init(),
        loss=cross_entropy,
        grad=grads,
        X=X,
        y=Y,
        predict=lambda p, Z: forward(p, Z)[1],
        step=sgd,
        lr=1.0,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: softmax + cross-entropy with the (probs - Y) / n shortcut",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = sgd(p, grads(p))
    print(cross_entropy(p), np.round(forward(p, X)[1], 3).tolist())
