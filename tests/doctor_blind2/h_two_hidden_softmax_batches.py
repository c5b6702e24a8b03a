"""Healthy: dict + train function, two hidden layers (tanh, ReLU), softmax cross-entropy
on two classes, mini-batches of 2 drawn in a seeded random order."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.eye(2)[[0, 1, 1, 0]]  # one-hot (4, 2)
EPOCHS = 800
RNG = np.random.default_rng(12)


# --- the learner's code ---
def make_net(seed=12):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 5)),
        "b1": np.zeros(5),
        "W2": rng.normal(0, 0.6, (5, 5)),
        "b2": np.full(5, 0.1),
        "W3": rng.normal(0, 0.6, (5, 2)),
        "b3": np.zeros(2),
        "lr": 0.3,
    }


def layers(net, A):
    h1 = np.tanh(A @ net["W1"] + net["b1"])
    h2 = np.maximum(0, h1 @ net["W2"] + net["b2"])
    z = h2 @ net["W3"] + net["b3"]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return h1, h2, e / e.sum(axis=1, keepdims=True)


def predict(net, A):
    return layers(net, A)[2]


def train(net, A, T):
    order = RNG.permutation(len(A))
    for s in range(0, len(A), 2):
        a, t = A[order[s : s + 2]], T[order[s : s + 2]]
        h1, h2, p = layers(net, a)
        d3 = (p - t) / len(a)
        d2 = (d3 @ net["W3"].T) * (h2 > 0)
        d1 = (d2 @ net["W2"].T) * (1 - h1**2)
        for k, g in (
            ("W3", h2.T @ d3),
            ("b3", d3.sum(0)),
            ("W2", h1.T @ d2),
            ("b2", d2.sum(0)),
            ("W1", a.T @ d1),
            ("b1", d1.sum(0)),
        ):
            net[k] -= net["lr"] * g


def doctor_case():
    return xl.adapt(
        make_net(), "W1 b1 W2 b2 W3 b3", train, X, Y, predict=predict, lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: softmax + cross-entropy gives p - t; mini-batch means are consistent",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, Y)
    print(np.round(predict(net, X)[:, 1], 3))
