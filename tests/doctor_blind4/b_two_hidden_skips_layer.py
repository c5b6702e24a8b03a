"""Buggy: dict + train function, two tanh hidden layers of the same width (2-4-4-1); the
first layer's delta is computed from the OUTPUT delta through W3, (d3 @ W3.T), skipping the
middle layer, where (d2 @ W2.T) belongs: equal widths make the shapes agree. Sigmoid output,
mean BCE, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def init(seed=5):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 4)),
        "b2": np.zeros(4),
        "W3": rng.normal(0, 1, (4, 1)),
        "b3": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, X):
    h1 = np.tanh(X @ p["W1"] + p["b1"])
    h2 = np.tanh(h1 @ p["W2"] + p["b2"])
    return h1, h2, 1 / (1 + np.exp(-(h2 @ p["W3"] + p["b3"])))


def predict(p, X):
    return forward(p, X)[2]


def train(p, X, y):
    h1, h2, out = forward(p, X)
    d3 = (out - y) / len(X)
    d2 = (d3 @ p["W3"].T) * (1 - h2**2)
    d1 = (d3 @ p["W3"].T) * (1 - h1**2)  # BUG
    p["W3"] -= p["lr"] * h2.T @ d3
    p["b3"] -= p["lr"] * d3.sum(axis=0)
    p["W2"] -= p["lr"] * h1.T @ d2
    p["b2"] -= p["lr"] * d2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ d1
    p["b1"] -= p["lr"] * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        init(), "W1 b1 W2 b2 W3 b3", train, X, y, predict=predict, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "the first hidden layer's delta skips the middle layer: d3 @ W3.T for d2 @ W2.T",
    "fix": "d1 = (d2 @ p['W2'].T) * (1 - h1**2)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
