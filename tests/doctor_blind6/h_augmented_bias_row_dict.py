"""Healthy (unusual): the 8-3-8 encoder, dict + train function, each weight matrix holding
its bias as its last row (A1 (9, 3), A2 (4, 8)); forward appends a column of ones itself.
Sigmoid hidden and outputs, BCE averaged over all 64 entries, full batch with momentum."""

import numpy as np

import xorlab as xl

X = np.eye(8)
Y = np.eye(8)
EPOCHS = 2500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def with_ones(a):
    return np.hstack([a, np.ones((len(a), 1))])


def init(seed=12):
    rng = np.random.default_rng(seed)
    p = {"A1": rng.normal(0, 1, (9, 3)), "A2": rng.normal(0, 1, (4, 8)), "lr": 2.0}
    p["vA1"], p["vA2"] = np.zeros((9, 3)), np.zeros((4, 8))
    return p


def forward(p, X):
    h = sigmoid(with_ones(X) @ p["A1"])
    return sigmoid(with_ones(h) @ p["A2"])


def bce(p, X, Y):
    out = forward(p, X)
    return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))


def train(p, X, Y):
    x1 = with_ones(X)
    h = sigmoid(x1 @ p["A1"])
    h1 = with_ones(h)
    out = sigmoid(h1 @ p["A2"])
    d2 = (out - Y) / Y.size
    d1 = (d2 @ p["A2"][:-1].T) * h * (1 - h)
    p["vA2"] = 0.9 * p["vA2"] - p["lr"] * h1.T @ d2
    p["vA1"] = 0.9 * p["vA1"] - p["lr"] * x1.T @ d1
    p["A2"] += p["vA2"]
    p["A1"] += p["vA1"]


def doctor_case():
    return xl.adapt(init(), "A1 A2", train, X, Y, predict=forward, loss=bce, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing: biases live in each matrix's last row"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - Y).max():.3f}")
