"""Healthy: plain functions and a direct `xl.doctor` call, three classes of 2-D points
(9 points), 2-6-3 tanh, softmax cross-entropy, an RMSProp step function keeping its cache in
a closure."""

import numpy as np

_centres = np.array([[0.0, 1.0], [1.0, -0.5], [-1.0, -0.5]])
X = np.repeat(_centres, 3, axis=0) + np.random.default_rng(12).normal(0, 0.2, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
EPOCHS = 400
LR = 0.01


# --- the learner's code ---
def init(seed=111):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.zeros(6),
        "W2": rng.normal(0, 1, (6, 3)),
        "b2": np.zeros(3),
    }


def scores(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    return h, h @ p["W2"] + p["b2"]


def predict(p, Z):
    s = scores(p, Z)[1]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def loss(p):
    return float(-np.mean(np.log(predict(p, X)[np.arange(len(X)), labels])))


def grad(p):
    h, _ = scores(p, X)
    dscores = (predict(p, X) - Y) / len(X)
    dh = dscores @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ dh, "b1": dh.sum(0), "W2": h.T @ dscores, "b2": dscores.sum(0)}


def make_rmsprop(lr=LR, rho=0.9):
    cache = {}

    def step(p, g):
        new = {}
        for k in p:
            cache[k] = rho * cache.get(k, 0.0) + (1 - rho) * g[k] ** 2
            new[k] = p[k] - lr * g[k] / (np.sqrt(cache[k]) + 1e-8)
        return new

    return step


def doctor_case():
    return {
        "params": init(),
        "loss": loss,
        "grad": grad,
        "X": X,
        "y": Y,
        "predict": predict,
        "step": make_rmsprop(),
        "lr": LR,
        "epochs": EPOCHS,
    }


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p, step = init(), make_rmsprop()
    for _ in range(EPOCHS):
        p = step(p, grad(p))
    out = predict(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - Y).max():.3f}")
