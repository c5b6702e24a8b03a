"""Bug: plain-function Adam whose step counter t is never incremented (stays 0)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600


# --- the learner's code ---
def init(seed=4):
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


def adam(lr=0.05, b1=0.9, b2=0.999, eps=1e-8):
    state = {"t": 0, "m": {}, "v": {}}

    def step(p, g):
        t = state["t"]  # the learner forgot state["t"] += 1
        out = {}
        for k in p:
            m = state["m"][k] = b1 * state["m"].get(k, 0.0) + (1 - b1) * g[k]
            v = state["v"][k] = b2 * state["v"].get(k, 0.0) + (1 - b2) * g[k] ** 2
            out[k] = p[k] - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
        return out

    return step


def doctor_case():
    return dict(
        params=init(),
        loss=bce,
        grad=backprop,
        X=X,
        y=y,
        predict=lambda p, A: forward(p, A)[1],
        step=adam(),
        lr=0.05,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "t stays 0: bias correction divides 0 by 0, the parameters become NaN at once",
    "fix": "state['t'] += 1 before the bias correction",
}

if __name__ == "__main__":
    p, step = init(), adam()
    with np.errstate(all="ignore"):
        for _ in range(EPOCHS):
            p = step(p, backprop(p))
        print(bce(p), np.round(forward(p, X)[1].ravel(), 3))
