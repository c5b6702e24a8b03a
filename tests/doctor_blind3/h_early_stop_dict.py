"""Healthy: a parameter dict and a train function with early stopping: it computes the mean
squared error first and leaves the weights alone once it is below a tolerance. Sigmoid
units, mean squared error, full batch."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 4000


# --- the learner's code ---
def sig(z):
    return 1 / (1 + np.exp(-z))


def new_net(seed=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.uniform(-1, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.uniform(-1, 1, (4, 1)),
        "b2": np.zeros(1),
    }


def predict(net, X):
    return sig(sig(X @ net["W1"] + net["b1"]) @ net["W2"] + net["b2"])


def train(net, X, y, lr=2.0, tol=1e-3):
    h = sig(X @ net["W1"] + net["b1"])
    out = sig(h @ net["W2"] + net["b2"])
    if np.mean((out - y) ** 2) < tol:
        return  # early stopping: good enough
    d2 = 2 * (out - y) / len(X) * out * (1 - out)
    d1 = d2 @ net["W2"].T * h * (1 - h)
    net["W2"] -= lr * h.T @ d2
    net["b2"] -= lr * d2.sum(axis=0)
    net["W1"] -= lr * X.T @ d1
    net["b1"] -= lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(new_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: stopping once the mean squared error is below 1e-3 is a choice, not a bug",
}

if __name__ == "__main__":
    net = new_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    out = predict(net, X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
