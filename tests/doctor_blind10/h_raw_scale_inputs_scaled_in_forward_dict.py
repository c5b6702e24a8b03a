"""Healthy, unusual: a dict of arrays with a `train(p, X, y)` function whose inputs are raw
coordinates from 0 to 200 (8 points, XOR-like quadrants); the forward pass maps them to
about [-1, 1] itself (`X / 100 - 1`), in training and in `predict` alike (2-4-1 tanh, sigmoid
output, mean BCE, momentum with the velocities in the dict)."""

import numpy as np

import xorlab as xl

X = np.array(
    [[20, 30], [170, 180], [30, 160], [180, 20], [40, 10], [160, 190], [10, 170], [190, 40]],
    dtype=float,
)
y = np.array([[0], [0], [1], [1], [0], [0], [1], [1]], dtype=float)
EPOCHS = 500
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=210):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    p.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.3)
    p["vel"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    A = X / 100.0 - 1.0  # coordinates to about [-1, 1]
    h = np.tanh(A @ p["W1"] + p["b1"])
    return A, h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[2]


def train(p, X, y):
    A, h, out = forward(p, X)
    d2 = (out - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    g = {"W1": A.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
    for k in KEYS:
        p["vel"][k] = 0.9 * p["vel"][k] - p["lr"] * g[k]
        p[k] += p["vel"][k]


def doctor_case():
    return xl.adapt(init(), KEYS, train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
