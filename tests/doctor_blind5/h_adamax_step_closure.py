"""Healthy: plain functions and a separate update rule, Adamax (Adam with the infinity norm:
u = max(beta2 u, |g|), step lr m_hat / u), whose moments live in a closure. tanh hidden
layer, sigmoid output, mean BCE on XOR. Direct `xl.doctor` call with `step=`."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
LR = 0.05
EPOCHS = 600


# --- the learner's code ---
def start(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "A": rng.normal(0, 1, (2, 4)),
        "a": np.zeros(4),
        "B": rng.normal(0, 1, (4, 1)),
        "b": np.zeros(1),
    }


def net(p, Z):
    h = np.tanh(Z @ p["A"] + p["a"])
    return h, 1 / (1 + np.exp(-(h @ p["B"] + p["b"])))


def out(p, Z):
    return net(p, Z)[1]


def bce(p):
    o = out(p, X)
    return float(-np.mean(y * np.log(o) + (1 - y) * np.log(1 - o)))


def gradients(p):
    h, o = net(p, X)
    dz = (o - y) / len(X)
    dh = (dz @ p["B"].T) * (1 - h**2)
    return {"A": X.T @ dh, "a": dh.sum(axis=0), "B": h.T @ dz, "b": dz.sum(axis=0)}


def adamax(lr=LR, beta1=0.9, beta2=0.999):
    m, u, t = {}, {}, [0]

    def step(p, g):
        t[0] += 1
        new = {}
        for k in p:
            m[k] = beta1 * m.get(k, 0) + (1 - beta1) * g[k]
            u[k] = np.maximum(beta2 * u.get(k, 0), np.abs(g[k]))
            new[k] = p[k] - lr / (1 - beta1 ** t[0]) * m[k] / (u[k] + 1e-12)
        return new

    return step


def doctor_case():
    return dict(
        params=start(),
        loss=bce,
        grad=gradients,
        X=X,
        y=y,
        predict=out,
        step=adamax(),
        lr=LR,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: Adamax divides by the running max of |g|, not by sqrt(v)",
}

if __name__ == "__main__":
    p, step = start(), adamax()
    for _ in range(EPOCHS):
        p = step(p, gradients(p))
    o = out(p, X)
    print(np.round(o.ravel(), 3), f"max error {np.abs(o - y).max():.3f}")
