"""Healthy: a dict of arrays, a train function with RMSprop whose cache lives in the dict."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1000
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def make_net(seed=1):
    rng = np.random.default_rng(seed)
    net = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    net.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.01)
    net["cache"] = {k: np.zeros_like(net[k]) for k in NAMES}
    return net


def predict(net, A):
    h = np.maximum(0, A @ net["W1"] + net["b1"])
    return 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))


def train(net, A, T, rho=0.9, eps=1e-8):
    h = np.maximum(0, A @ net["W1"] + net["b1"])
    p = 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))
    d2 = (p - T) / len(A)
    d1 = (d2 @ net["W2"].T) * (h > 0)
    g = {"W1": A.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    for k in NAMES:
        net["cache"][k] = rho * net["cache"][k] + (1 - rho) * g[k] ** 2
        net[k] -= net["lr"] * g[k] / (np.sqrt(net["cache"][k]) + eps)


def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: RMSprop with a running mean of g**2 kept between calls is correct",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    print(np.round(predict(net, X).ravel(), 3))
