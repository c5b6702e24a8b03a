"""Bug: momentum written on the weights instead of a velocity: W = mu * W - lr * g, which
shrinks every weight by 10% a step (dict of arrays, a train function, mean BCE)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000


# --- the learner's code ---
def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def predict(p, X):
    return 1 / (1 + np.exp(-(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def gradients(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (predict(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def train(p, X, y, lr=0.5, mu=0.9):
    g = gradients(p, X, y)
    for k in p:
        p[k] = mu * p[k] - lr * g[k]  # BUG: meant v = mu * v - lr * g; p += v


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the momentum factor multiplies the weights, not a velocity (W <- 0.9 W - lr g)",
    "fix": "keep a velocity v = mu * v - lr * g per array and add it: W += v",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
