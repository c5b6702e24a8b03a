"""Bug: BCE's derivative with respect to the output written `-(out / y) + (1 - y) / (1 - out)`
for `-(y / out) + ...`: a division by the 0 targets (dict with `train(p, X, y)`, the chain
rule written out through dL/dout and the sigmoid's slope, 2-4-1 tanh, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=126):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = forward(p, X)
    dout = (-(out / y) + (1 - y) / (1 - out)) / len(X)  # BUG
    dz2 = dout * out * (1 - out)
    dz1 = dz2 @ p["W2"].T * (1 - h**2)
    p["W2"] -= p["lr"] * h.T @ dz2
    p["b2"] -= p["lr"] * dz2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ dz1
    p["b1"] -= p["lr"] * dz1.sum(axis=0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "dL/dout written -(out / y): divides by the 0 targets, NaN",
    "fix": "dout = (-(y / out) + (1 - y) / (1 - out)) / len(X)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
