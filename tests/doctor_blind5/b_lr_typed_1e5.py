"""Bug: a dict of arrays trained full batch on XOR with a learning rate typed 1e-5 where
this net needs about 1. Sigmoid hidden and output, mean BCE. Nothing else is wrong."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def create(seed=8):
    rng = np.random.default_rng(seed)
    return {
        "Wh": rng.normal(0, 1.5, (2, 4)),
        "bh": np.zeros(4),
        "Wo": rng.normal(0, 1.5, (4, 1)),
        "bo": np.zeros(1),
        "lr": 1e-5,  # BUG
    }


def forward(net, X):
    return sigmoid(sigmoid(X @ net["Wh"] + net["bh"]) @ net["Wo"] + net["bo"])


def train(net, X, y):
    h = sigmoid(X @ net["Wh"] + net["bh"])
    delta = (sigmoid(h @ net["Wo"] + net["bo"]) - y) / len(X)
    back = (delta @ net["Wo"].T) * h * (1 - h)
    net["Wo"] -= net["lr"] * h.T @ delta
    net["bo"] -= net["lr"] * delta.sum(axis=0)
    net["Wh"] -= net["lr"] * X.T @ back
    net["bh"] -= net["lr"] * back.sum(axis=0)


def doctor_case():
    return xl.adapt(create(), "Wh bh Wo bo", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "learning rate 1e-5: the weights hardly move in 2000 epochs",
    "fix": "lr = 2.0",
}

if __name__ == "__main__":
    net = create()
    for _ in range(EPOCHS):
        train(net, X, y)
    out = forward(net, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
