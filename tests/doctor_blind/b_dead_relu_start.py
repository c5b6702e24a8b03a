"""Bug: ReLU units initialised with negative weights: on XOR's inputs every unit is dead."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 2000


# --- the learner's code ---
def make_net(seed=19, hidden=4):
    rng = np.random.default_rng(seed)
    return {
        "W1": -rng.uniform(0.1, 1.0, (2, hidden)),  # "small negative weights"
        "b1": np.zeros(hidden),
        "W2": rng.normal(0, 1, (hidden, 1)),
        "b2": np.zeros(1),
    }


def predict(net, Z):
    h = np.maximum(0, Z @ net["W1"] + net["b1"])
    return 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))


def train(net, X, y, lr=0.5):
    z1 = X @ net["W1"] + net["b1"]
    h = np.maximum(0, z1)
    out = 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))
    d2 = (out - y) / len(X)
    d1 = (d2 @ net["W2"].T) * (z1 > 0)
    net["W2"] -= lr * h.T @ d2
    net["b2"] -= lr * d2.sum(axis=0)
    net["W1"] -= lr * X.T @ d1
    net["b1"] -= lr * d1.sum(axis=0)


# --- the adaptation: a dict with a train function (xl.adapt, "for a dict") ---
def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "every ReLU is dead at the start (negative weights, zero biases, inputs >= 0)",
    "fix": "He initialisation (normal, std sqrt(2 / fan_in)) and small positive biases",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    print(np.round(predict(net, X).ravel(), 3))
