"""Healthy: a 4-2-4 encoder (one-hot in, the same one-hot out) as dict + train function, four
independent sigmoid outputs; the printed BCE is the mean over samples AND outputs (n k
terms), and the delta is divided by n k to match, with a learning rate scaled up by k. tanh
bottleneck of 2 units, full batch."""

import numpy as np

import xorlab as xl

X = np.eye(4)
Y = np.eye(4)
EPOCHS = 3000


# --- the learner's code ---
def init(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (4, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 4)),
        "b2": np.zeros(4),
        "lr": 8.0,
    }


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def loss(p, X, Y):
    P = forward(p, X)
    return float(-np.mean(Y * np.log(P) + (1 - Y) * np.log(1 - P)))  # over n * k entries


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    P = 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))
    d2 = (P - Y) / Y.size
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    p["W2"] -= p["lr"] * h.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        init(), "W1 b1 W2 b2", train, X, Y, predict=forward, loss=loss, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: a BCE averaged over outputs too, with the delta divided by n k, is consistent",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out, 2), f"max error {np.abs(out - Y).max():.3f}")
