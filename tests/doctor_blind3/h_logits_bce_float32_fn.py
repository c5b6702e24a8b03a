"""Healthy: functional code in float32, a ReLU hidden layer, the BCE computed stably from the
logits with logaddexp, its own gradient function; the doctor is called directly with lr."""

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
LR, EPOCHS = 0.5, 1200


# --- the learner's code ---
def init(seed=12):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 8)).astype(np.float32),
        "b1": np.full(8, 0.1, dtype=np.float32),
        "W2": rng.normal(0, 0.5, (8, 1)).astype(np.float32),
        "b2": np.zeros(1, dtype=np.float32),
    }


def logits(p, Z):
    h = np.maximum(Z @ p["W1"] + p["b1"], 0)
    return h, h @ p["W2"] + p["b2"]


def loss(p):
    z = logits(p, X)[1]
    # -[y log s(z) + (1-y) log(1-s(z))] = log(1 + e^z) - y z
    return float(np.mean(np.logaddexp(0, z) - y * z))


def predict(p, Z):
    return 1 / (1 + np.exp(-logits(p, Z)[1]))


def grad(p):
    h, z = logits(p, X)
    dz = (1 / (1 + np.exp(-z)) - y) / len(X)
    dh = (dz @ p["W2"].T) * (h > 0)
    return {"W1": X.T @ dh, "b1": dh.sum(0), "W2": h.T @ dz, "b2": dz.sum(0)}


def doctor_case():
    return dict(
        params=init(), loss=loss, grad=grad, X=X, y=y, predict=predict, lr=LR, epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: float32, BCE from logits with logaddexp, sigmoid(z) - y at the output",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        p = {k: v - LR * g for (k, v), g in zip(p.items(), grad(p).values())}
    out = predict(p, X)
    print(p["W1"].dtype, np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
