"""Bug: a rate decay meant once per epoch (lr *= 0.985) sits inside the per-sample loop: it
runs four times per epoch and the rate is nearly gone before XOR is learnt. Dict + train
function (the rate in p["lr"]), 2-4-1, tanh hidden, sigmoid output, BCE per sample."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=19):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def bce(p, X, y):
    out = forward(p, X)
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def train(p, X, y):
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        h = np.tanh(x @ p["W1"] + p["b1"])
        out = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
        d2 = out - t
        d1 = (d2 @ p["W2"].T) * (1 - h**2)
        p["W2"] -= p["lr"] * h.T @ d2
        p["b2"] -= p["lr"] * d2.sum(axis=0)
        p["W1"] -= p["lr"] * x.T @ d1
        p["b1"] -= p["lr"] * d1.sum(axis=0)
        p["lr"] *= 0.985  # BUG


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "per-epoch decay lr *= 0.985 placed inside the per-sample loop",
    "fix": "decay once per epoch, after the sample loop",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
