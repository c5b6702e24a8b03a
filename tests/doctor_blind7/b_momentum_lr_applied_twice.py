"""Bug: dict + train with momentum kept in the dict (p["vel"]), XOR, 2-4-1 tanh, sigmoid
output, BCE, full batch. The rate is applied twice: the velocity already holds `- lr * g`,
and the update adds `lr * v` again, so the step is lr**2 (0.01 for 0.1) times as large."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 150
KEYS = ["W1", "b1", "W2", "b2"]


# --- the learner's code ---
def build(seed=1):
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.1,
        "beta": 0.9,
    }
    p["vel"] = {k: np.zeros_like(p[k]) for k in KEYS}
    return p


def forward(p, X):
    return 1 / (1 + np.exp(-(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def train(p, X, y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    d2 = (forward(p, X) - y) / len(X)
    d1 = d2 @ p["W2"].T * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    for k in KEYS:
        p["vel"][k] = p["beta"] * p["vel"][k] - p["lr"] * g[k]
        p[k] += p["lr"] * p["vel"][k]  # BUG


def doctor_case():
    return xl.adapt(build(), KEYS, train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the rate is applied twice (in the velocity and again in the update): steps lr**2",
    "fix": 'p[k] += p["vel"][k]',
}

if __name__ == "__main__":
    p = build()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = forward(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
