"""Bug: Adam divides by v_hat instead of sqrt(v_hat): dict + train function."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600
NAMES = ("W1", "b1", "W2", "b2")


# --- the learner's code ---
def make_net(seed=0):
    rng = np.random.default_rng(seed)
    net = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
    net.update(W2=rng.normal(0, 1, (4, 1)), b2=np.zeros(1), lr=0.05, t=0)
    net["m"] = {k: np.zeros_like(net[k]) for k in NAMES}
    net["v"] = {k: np.zeros_like(net[k]) for k in NAMES}
    return net


def predict(net, A):
    h = np.tanh(A @ net["W1"] + net["b1"])
    return 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))


def train(net, A, T, b1=0.9, b2=0.999, eps=1e-8):
    h = np.tanh(A @ net["W1"] + net["b1"])
    p = 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))
    d2 = (p - T) / len(A)
    d1 = (d2 @ net["W2"].T) * (1 - h**2)
    g = {"W1": A.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
    net["t"] += 1
    for k in NAMES:
        net["m"][k] = b1 * net["m"][k] + (1 - b1) * g[k]
        net["v"][k] = b2 * net["v"][k] + (1 - b2) * g[k] ** 2
        m_hat = net["m"][k] / (1 - b1 ** net["t"])
        v_hat = net["v"][k] / (1 - b2 ** net["t"])
        net[k] -= net["lr"] * m_hat / (v_hat + eps)  # missing np.sqrt


def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "Adam step m_hat / v_hat (no sqrt): steps ~ lr / |g|, weights reach hundreds,"
    " units saturate; fails at this seed (learns only by luck at others)",
    "fix": "m_hat / (np.sqrt(v_hat) + eps)",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    print(np.round(predict(net, X).ravel(), 3))
