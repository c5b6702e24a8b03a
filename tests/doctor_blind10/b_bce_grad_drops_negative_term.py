"""Buggy: plain functions with a direct `xl.doctor` call; the backward pass writes BCE's
dL/dout as `-y / out` and forgets the `(1 - y) / (1 - out)` term, so samples of target 0
push nothing and every output is driven towards 1 (2-3-1 tanh, sigmoid output, default
step, XOR)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR, EPOCHS = 0.5, 1000


# --- the learner's code ---
def init(seed=305):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 1)),
        "b2": np.zeros(1),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, Z):
    return forward(p, Z)[1]


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h, out = forward(p, X)
    dout = -y / out / len(X)  # BUG
    d2 = dout * out * (1 - out)
    dh = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "dL/dout = -y / out: BCE's (1 - y) / (1 - out) term is missing",
    "fix": "dout = (-y / out + (1 - y) / (1 - out)) / len(X)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
