"""Healthy: a 4-3-4 encoder (the identity map on one-hot vectors through 3 tanh units),
softmax outputs with mean cross-entropy, a parameter dict and a train function that changes
the dict's arrays in place; the rate is a keyword of the train function."""

import numpy as np

import xorlab as xl

X = np.eye(4)
y = np.eye(4)
EPOCHS = 1500


# --- the learner's code ---
def make_params(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "Wh": rng.normal(0, 1, (4, 3)),
        "bh": np.zeros(3),
        "Wo": rng.normal(0, 1, (3, 4)),
        "bo": np.zeros(4),
    }


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def predict(params, X):
    h = np.tanh(X @ params["Wh"] + params["bh"])
    return softmax(h @ params["Wo"] + params["bo"])


def train(params, X, Y, lr=1.0):
    h = np.tanh(X @ params["Wh"] + params["bh"])
    P = softmax(h @ params["Wo"] + params["bo"])
    dz = (P - Y) / len(X)
    dh = dz @ params["Wo"].T * (1 - h**2)
    params["Wo"] -= lr * h.T @ dz
    params["bo"] -= lr * dz.sum(axis=0)
    params["Wh"] -= lr * X.T @ dh
    params["bh"] -= lr * dh.sum(axis=0)


def doctor_case():
    return xl.adapt(
        make_params(), "Wh bh Wo bo", train, X, y, predict=predict, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: softmax with cross-entropy, dz = P - Y over n, on a 4-3-4 encoder",
}

if __name__ == "__main__":
    params = make_params()
    for _ in range(EPOCHS):
        train(params, X, y)
    out = predict(params, X)
    print(np.round(out, 2))
    print(f"max error {np.abs(out - y).max():.3f}")
