"""Buggy: dict + train function with a cosine learning-rate schedule written
lr * cos(pi t / T) instead of lr * (1 + cos(pi t / T)) / 2: in the second half of training
the rate is negative and every step climbs the loss. ReLU hidden layer, sigmoid output, BCE."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def make(seed=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.full(6, 0.1),
        "W2": rng.normal(0, 0.5, (6, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
        "t": 0,
    }


def forward(p, X):
    h = np.maximum(X @ p["W1"] + p["b1"], 0)
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def train(p, X, y):
    rate = p["lr"] * np.cos(np.pi * p["t"] / EPOCHS)  # BUG
    p["t"] += 1
    z1 = X @ p["W1"] + p["b1"]
    h = np.maximum(z1, 0)
    d2 = (1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))) - y) / len(X)
    d1 = (d2 @ p["W2"].T) * (z1 > 0)
    p["W2"] -= rate * h.T @ d2
    p["b2"] -= rate * d2.sum(axis=0)
    p["W1"] -= rate * X.T @ d1
    p["b1"] -= rate * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(make(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "cosine schedule without (1 + cos) / 2: the rate turns negative halfway and climbs",
    "fix": "rate = p['lr'] * (1 + np.cos(np.pi * p['t'] / EPOCHS)) / 2",
}

if __name__ == "__main__":
    p = make()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
