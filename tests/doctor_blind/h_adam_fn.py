"""Healthy: Adam written by hand as a step function with its own state, mean BCE."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600


# --- the learner's code ---
def init(seed=12):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 0.5, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 0.5, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def backprop(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def adam(lr=0.05, beta1=0.9, beta2=0.999, eps=1e-8):
    m, v, t = {}, {}, [0]

    def step(p, g):
        t[0] += 1
        new = {}
        for k in p:
            m[k] = beta1 * m.get(k, 0.0) + (1 - beta1) * g[k]
            v[k] = beta2 * v.get(k, 0.0) + (1 - beta2) * g[k] ** 2
            m_hat = m[k] / (1 - beta1 ** t[0])
            v_hat = v[k] / (1 - beta2 ** t[0])
            new[k] = p[k] - lr * m_hat / (np.sqrt(v_hat) + eps)
        return new

    return step


# --- the adaptation: grad is the backward pass, step the learner's Adam ---
def doctor_case():
    return dict(
        params=init(),
        loss=bce,
        grad=backprop,
        X=X,
        y=y,
        predict=lambda p, Z: forward(p, Z)[1],
        step=adam(),
        lr=0.05,
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing: textbook Adam on a correct gradient"}

if __name__ == "__main__":
    p, step = init(), adam()
    for _ in range(EPOCHS):
        p = step(p, backprop(p))
    print(bce(p), np.round(forward(p, X)[1].ravel(), 3))
