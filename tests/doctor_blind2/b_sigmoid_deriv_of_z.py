"""Bug: dict + train function; the hidden derivative s*(1-s) is applied to the
pre-activation z instead of the activation s = sigmoid(z)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_net(seed=14):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
    }


def predict(net, A):
    return sigmoid(sigmoid(A @ net["W1"] + net["b1"]) @ net["W2"] + net["b2"])


def train(net, A, T):
    z1 = A @ net["W1"] + net["b1"]
    h = sigmoid(z1)
    p = sigmoid(h @ net["W2"] + net["b2"])
    d2 = (p - T) / len(A)
    d1 = (d2 @ net["W2"].T) * z1 * (1 - z1)  # should be h * (1 - h)
    net["W2"] -= net["lr"] * h.T @ d2
    net["b2"] -= net["lr"] * d2.sum(0)
    net["W1"] -= net["lr"] * A.T @ d1
    net["b1"] -= net["lr"] * d1.sum(0)


def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "sigmoid derivative evaluated at z, not sigmoid(z): wrong factor; ends in NaN",
    "fix": "d1 = (d2 @ W2.T) * h * (1 - h)",
}

if __name__ == "__main__":
    net = make_net()
    with np.errstate(all="ignore"):
        for _ in range(EPOCHS):
            train(net, X, y)
        print(np.round(predict(net, X).ravel(), 3))
