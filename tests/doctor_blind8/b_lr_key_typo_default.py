"""Bug: a dict of arrays with a train function (2-4-1 tanh, sigmoid output, mean BCE, full
batch) whose rate is read with `p.get("learning_rate", 1e-4)` while the dict holds it under
"lr": every step uses the fallback 1e-4."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def init(seed=21):
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
    return h, 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"])))


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, y):
    lr = p.get("learning_rate", 1e-4)  # BUG
    h, out = forward(p, X)
    dz = (out - y) / len(X)
    dh = dz @ p["W2"].T * (1 - h**2)
    grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
    for k, g in grads.items():
        p[k] -= lr * g


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the rate is read under a key the dict does not have: always the fallback 1e-4",
    "fix": 'p.get("lr", 1e-4)',
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, y)
    out = predict(p, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
