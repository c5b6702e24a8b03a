"""Bug: plain-function RMSprop whose step uses the cache where the gradient belongs:
w -= lr * cache / sqrt(cache), i.e. lr * sqrt(cache), always downward."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def init(seed=17):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def forward(p, A):
    h = np.tanh(A @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p):
    out = forward(p, X)[1]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def backprop(p):
    h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def rmsprop(lr=0.01, rho=0.9, eps=1e-8):
    cache = {}

    def step(p, g):
        new = {}
        for k in p:
            cache[k] = rho * cache.get(k, 0.0) + (1 - rho) * g[k] ** 2
            new[k] = p[k] - lr * cache[k] / (np.sqrt(cache[k]) + eps)  # g[k] / sqrt(...)
        return new

    return step


def doctor_case():
    return dict(
        params=init(),
        loss=bce,
        grad=backprop,
        X=X,
        y=y,
        predict=lambda p, A: forward(p, A)[1],
        step=rmsprop(),
        lr=0.01,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the RMSprop step is lr * sqrt(cache) >= 0: every weight only decreases; no fit",
    "fix": "p[k] - lr * g[k] / (np.sqrt(cache[k]) + eps)",
}

if __name__ == "__main__":
    p, step = init(), rmsprop()
    for _ in range(EPOCHS):
        p = step(p, backprop(p))
    print(bce(p), np.round(forward(p, X)[1].ravel(), 3))
