"""Bug: dict + train, three classes of 2-D points, 2-12-3 ReLU, softmax cross-entropy, full
batch. The ReLU backward masks by the sign of the incoming gradient,
`dhidden[dhidden <= 0] = 0`, instead of by the hidden layer, `dhidden[hidden <= 0] = 0`."""

import numpy as np

import xorlab as xl

rng = np.random.default_rng(11)
CENTRES = np.array([[0.0, 1.0], [0.87, -0.5], [-0.87, -0.5]])
X = np.repeat(CENTRES, 3, axis=0) + rng.normal(0, 0.2, (9, 2))
labels = np.repeat(np.arange(3), 3)
Y = np.eye(3)[labels]
EPOCHS = 500


# --- the learner's code ---
def init(seed=0):
    r = np.random.default_rng(seed)
    return {
        "W1": 0.5 * r.normal(size=(2, 12)),
        "b1": np.zeros(12),
        "W2": 0.5 * r.normal(size=(12, 3)),
        "b2": np.zeros(3),
        "lr": 1.0,
    }


def forward(p, X):
    hidden = np.maximum(0, X @ p["W1"] + p["b1"])
    s = hidden @ p["W2"] + p["b2"]
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return hidden, e / e.sum(axis=1, keepdims=True)


def predict(p, X):
    return forward(p, X)[1]


def train(p, X, Y):
    hidden, probs = forward(p, X)
    dscores = (probs - Y) / len(X)
    dhidden = dscores @ p["W2"].T
    dhidden[dhidden <= 0] = 0  # BUG
    p["W2"] -= p["lr"] * hidden.T @ dscores
    p["b2"] -= p["lr"] * dscores.sum(0)
    p["W1"] -= p["lr"] * X.T @ dhidden
    p["b1"] -= p["lr"] * dhidden.sum(0)


def doctor_case():
    return xl.adapt(init(), "W1 b1 W2 b2", train, X, Y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "the ReLU backward masks where the incoming gradient is <= 0, not where the "
    "hidden unit is off",
    "fix": "dhidden[hidden <= 0] = 0",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = predict(p, X)
    print(np.round(out, 3), f"max error {np.abs(out - Y).max():.3f}")
