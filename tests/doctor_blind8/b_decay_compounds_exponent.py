"""Bug: a dict of arrays with a train function and an exponential decay of the rate kept in
the dict, 2-4-1 tanh, sigmoid output, mean BCE, full batch. The decay mixes its two forms:
`p["lr"] *= DECAY ** p["t"]` multiplies the already decayed rate by DECAY**t, so after t
epochs the rate is lr * DECAY**(t (t + 1) / 2) and it is gone within a hundred epochs."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500
DECAY = 0.999


# --- the learner's code ---
def init(seed=49):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
        "t": 0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    h, out = forward(p, X)
    dz = (out - y) / len(X)
    dh = dz @ p["W2"].T * (1 - h**2)
    grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
    for k, g in grads.items():
        p[k] -= p["lr"] * g
    p["t"] += 1
    p["lr"] *= DECAY ** p["t"]  # BUG


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the decay multiplies the decayed rate by DECAY**t: the rate vanishes (DECAY**(t^2/2))",
    "fix": 'p["lr"] *= DECAY',
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
