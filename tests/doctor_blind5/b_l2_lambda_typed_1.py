"""Bug: a dict of arrays with an L2 penalty added to the weights' gradients (lam * W), lam
typed 1.0 where 1e-4 was meant: the penalty outweighs the data and holds the weights near
0. The printed loss is the BCE alone, as many learners print it. tanh hidden, sigmoid
output, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
def init(seed=26):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
        "lam": 1.0,  # BUG
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    p["W2"] -= p["lr"] * (h.T @ d2 + p["lam"] * p["W2"])
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * (X.T @ d1 + p["lam"] * p["W1"])
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        init(), "W1 b1 W2 b2", train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "L2 strength typed 1.0 for 1e-4: the penalty pins the weights near 0",
    "fix": '"lam": 1e-4',
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
