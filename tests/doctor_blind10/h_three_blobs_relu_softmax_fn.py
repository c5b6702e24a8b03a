"""Healthy: plain functions with a direct `xl.doctor` call built from the field guide: three
classes of 2-D points (9 points), 2-6-3 ReLU, softmax cross-entropy, the default step
(params - lr * grads)."""

import numpy as np

_centres = np.array([[0.0, 1.0], [-1.0, -0.6], [1.0, -0.6]])
X = np.repeat(_centres, 3, axis=0) + np.random.default_rng(25).normal(0, 0.2, (9, 2))
y = np.repeat(np.eye(3), 3, axis=0)  # one-hot rows, (9, 3)
LR, EPOCHS = 0.5, 400


# --- the learner's code ---
def init(seed=205):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.full(6, 0.1),
        "W2": rng.normal(0, 0.5, (6, 3)),
        "b2": np.zeros(3),
    }


def forward(p, Z):
    z1 = Z @ p["W1"] + p["b1"]
    h = np.maximum(z1, 0)
    s = h @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return z1, h, e / e.sum(axis=1, keepdims=True)


def predict(p, Z):
    return forward(p, Z)[2]


def loss(p):
    return float(-np.mean(np.sum(y * np.log(predict(p, X)), axis=1)))


def grad(p):
    z1, h, probs = forward(p, X)
    ds = (probs - y) / len(X)
    dh = ds @ p["W2"].T * (z1 > 0)
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
    print(np.round(out.max(axis=1), 3), f"max error {np.abs(out - y).max():.3f}")
