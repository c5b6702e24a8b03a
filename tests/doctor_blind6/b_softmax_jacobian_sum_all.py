"""Bug: the softmax backward pass written with its Jacobian, dZ = P * (dP - sum(dP * P)),
where the sum is np.sum over the whole batch instead of over each row (axis=1,
keepdims=True). With dP = -Y / P it gives n P - Y instead of P - Y. Dict + train function,
2 bits -> 4 classes (one-hot), 2-6-4, tanh hidden, mean cross-entropy, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.eye(4)
EPOCHS = 800
KEYS = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def init(seed=33):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 6)),
        "b1": np.zeros(6),
        "W2": rng.normal(0, 1, (6, 4)),
        "b2": np.zeros(4),
        "lr": 0.5,
    }


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def forward(p, X):
    return softmax(np.tanh(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def cross_entropy(p, X, Y):
    return float(-np.mean(np.sum(Y * np.log(forward(p, X)), axis=1)))


def train(p, X, Y):
    h = np.tanh(X @ p["W1"] + p["b1"])
    P = softmax(h @ p["W2"] + p["b2"])
    dP = -Y / P / len(X)
    dZ2 = P * (dP - np.sum(dP * P))  # BUG
    dZ1 = (dZ2 @ p["W2"].T) * (1 - h**2)
    p["W2"] -= p["lr"] * h.T @ dZ2
    p["b2"] -= p["lr"] * dZ2.sum(axis=0)
    p["W1"] -= p["lr"] * X.T @ dZ1
    p["b1"] -= p["lr"] * dZ1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        init(), KEYS, train, X, Y, predict=forward, loss=cross_entropy, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "softmax Jacobian-vector product summed over the whole batch, not each row",
    "fix": "np.sum(dP * P, axis=1, keepdims=True)",
}

if __name__ == "__main__":
    p = init()
    for _ in range(EPOCHS):
        train(p, X, Y)
    out = forward(p, X)
    print(np.round(out.diagonal(), 3), f"max error {np.abs(out - Y).max():.3f}")
