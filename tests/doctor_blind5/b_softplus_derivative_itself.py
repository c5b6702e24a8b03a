"""Bug: dict of arrays, softplus hidden layer, whose derivative is written as softplus itself
(log(1 + e^z)) instead of the sigmoid. Mini-batches of 2, sigmoid output, mean BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def softplus(z):
    return np.logaddexp(0, z)


def softplus_grad(z):
    return softplus(z)  # BUG


def params_for(seed=7):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def predict(p, X):
    return 1 / (1 + np.exp(-(softplus(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def train(p, X, y):
    for s in (0, 2):
        xb, yb = X[s : s + 2], y[s : s + 2]
        z1 = xb @ p["W1"] + p["b1"]
        h = softplus(z1)
        out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
        d2 = (out - yb) / len(xb)
        d1 = (d2 @ p["W2"].T) * softplus_grad(z1)
        p["W2"] -= p["lr"] * h.T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * xb.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        params_for(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "softplus derivative written as softplus(z) instead of sigmoid(z)",
    "fix": "softplus_grad(z) = 1 / (1 + np.exp(-z))",
}

if __name__ == "__main__":
    p = params_for()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
