"""Healthy: a dict of arrays and a train function, ReLU units, per-sample updates."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def make_net(seed=13, hidden=8):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, np.sqrt(2 / 2), (2, hidden)),
        "b1": np.full(hidden, 0.1),
        "W2": rng.normal(0, np.sqrt(2 / hidden), (hidden, 1)),
        "b2": np.zeros(1),
    }


def predict(net, Z):
    h = np.maximum(0, Z @ net["W1"] + net["b1"])
    return 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))


def train(net, X, y, lr=0.1):
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        z1 = x @ net["W1"] + net["b1"]
        h = np.maximum(0, z1)
        out = 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))
        d2 = out - t
        d1 = (d2 @ net["W2"].T) * (z1 > 0)
        net["W2"] -= lr * h.T @ d2
        net["b2"] -= lr * d2[0]
        net["W1"] -= lr * x.T @ d1
        net["b1"] -= lr * d1[0]


# --- the adaptation: a dict with a train function (xl.adapt, "for a dict") ---
def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: per-sample SGD with the ReLU derivative taken from z1 > 0",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    print(np.round(predict(net, X).ravel(), 3))
