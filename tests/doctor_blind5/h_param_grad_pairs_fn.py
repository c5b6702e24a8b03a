"""Healthy: functions over a dict; `train` collects (parameter, gradient) pairs and updates
each with `w -= lr * g` in a loop: `-=` changes the array in place, so the dict sees it.
ReLU hidden layer, sigmoid output, mean BCE, mini-batches of two in a fixed order."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 800


# --- the learner's code ---
def new_net(seed=5):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 8)),
        "b1": np.full(8, 0.1),
        "W2": rng.normal(0, 0.5, (8, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(net, X):
    h = np.maximum(0, X @ net["W1"] + net["b1"])
    return 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))


def backward(net, xb, yb):
    z1 = xb @ net["W1"] + net["b1"]
    h = np.maximum(0, z1)
    out = 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))
    d2 = (out - yb) / len(xb)
    d1 = (d2 @ net["W2"].T) * (z1 > 0)
    return [xb.T @ d1, d1.sum(axis=0), h.T @ d2, d2.sum(axis=0)]


def train(net, X, y):
    for s in (0, 2):
        grads = backward(net, X[s : s + 2], y[s : s + 2])
        pairs = zip([net["W1"], net["b1"], net["W2"], net["b2"]], grads)
        for w, g in pairs:
            w -= net["lr"] * g


def doctor_case():
    return xl.adapt(new_net(), "W1 b1 W2 b2", train, X, y, predict=forward, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: w -= lr * g inside the loop updates each array in place",
}

if __name__ == "__main__":
    net = new_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    out = forward(net, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
