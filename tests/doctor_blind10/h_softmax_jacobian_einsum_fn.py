"""Healthy, unusual: plain functions with a direct `xl.doctor` call, XOR as two classes with
two softmax outputs, whose backward pass goes the long way: dL/dP = -Y / P, then through the
full softmax Jacobian with `np.einsum` (2-3-2 tanh, mean cross-entropy, default step)."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=float)
LR, EPOCHS = 1.0, 500


# --- the learner's code ---
def init(seed=211):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 3)),
        "b1": np.zeros(3),
        "W2": rng.normal(0, 1, (3, 2)),
        "b2": np.zeros(2),
    }


def forward(p, Z):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    s = h @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return h, e / e.sum(axis=1, keepdims=True)


def predict(p, Z):
    return forward(p, Z)[1]


def loss(p):
    return float(-np.mean(np.sum(y * np.log(predict(p, X)), axis=1)))


def grad(p):
    h, P = forward(p, X)
    dP = -y / P / len(X)
    # J[n, i, j] = dP_i / ds_j = P_i (delta_ij - P_j)
    J = np.einsum("ni,ij->nij", P, np.eye(2)) - np.einsum("ni,nj->nij", P, P)
    ds = np.einsum("ni,nij->nj", dP, J)
    dh = ds @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ ds, "b2": ds.sum(axis=0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        g = grad(p)
        p = {k: p[k] - LR * g[k] for k in p}
    out = predict(p, X)
    print(np.round(out[:, 1], 3), f"max error {np.abs(out - y).max():.3f}")
