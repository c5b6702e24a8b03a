"""Bug: plain functions; the learner initialises the network unit by unit with a helper that
makes its own generator from the same seed, so every hidden unit starts with the same
incoming and outgoing weights. 2-4-1 tanh/sigmoid, mean BCE, full batch. Direct
`xl.doctor` call."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 1.0
EPOCHS = 1000
SEED = 10


# --- the learner's code ---
def new_unit(n_in, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(0, 1, n_in), rng.normal(0, 1)


def init(hidden=4):
    p = {"W1": np.zeros((2, hidden)), "b1": np.zeros(hidden), "W2": np.zeros((hidden, 1))}
    for j in range(hidden):
        p["W1"][:, j], p["W2"][j, 0] = new_unit(2, SEED)  # BUG
    p["b2"] = np.zeros(1)
    return p


def predict(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def loss(p):
    out = predict(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def grad(p):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "each hidden unit drawn from a generator seeded alike: all units identical",
    "fix": "new_unit(2, SEED + j): a different seed (or one generator) per unit",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
