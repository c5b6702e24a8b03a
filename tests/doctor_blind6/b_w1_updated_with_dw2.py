"""Bug: a copy-paste slip in the update: W1 -= lr * dW2. In this 2-2-2 XOR net both matrices
are (2, 2), so nothing fails; the first layer follows the second layer's gradient. Dict +
train function, tanh hidden, two softmax outputs (one-hot classes), mean cross-entropy."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]], dtype=float)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 2)),
        "b2": np.zeros(2),
        "lr": 2.0,
    }


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])
    return softmax(h @ p["W2"] + p["b2"])


def cross_entropy(p, X, Y):
    return float(-np.mean(np.sum(Y * np.log(forward(p, X)), axis=1)))


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    P = softmax(h @ p["W2"] + p["b2"])
    dZ2 = (P - Y) / len(X)
    g = {"W2": h.T @ dZ2, "b2": dZ2.sum(axis=0)}
    dZ1 = (dZ2 @ p["W2"].T) * (1 - h**2)
    g["W1"], g["b1"] = X.T @ dZ1, dZ1.sum(axis=0)
    p["W2"] -= p["lr"] * g["W2"]
    p["b2"] -= p["lr"] * g["b2"]
    p["W1"] -= p["lr"] * g["W2"]  # BUG
    p["b1"] -= p["lr"] * g["b1"]


def doctor_case():
    return xl.adapt(
        init(), KEYS, train, X, Y, predict=forward, loss=cross_entropy, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "W1 updated with dW2 (copy-paste; both (2, 2))",
    "fix": "W1 -= lr * dW1",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out[:, 1], 3), f"max error {np.abs(out - Y).max():.3f}")
