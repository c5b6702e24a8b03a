"""Bug: dict + train function with L2 weight decay added with the wrong sign, so the
"decay" makes every weight grow by a factor (1 + lr * lam) per step."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def make_net(seed=19):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
        "lam": 0.01,
    }


def predict(net, A):
    h = np.tanh(A @ net["W1"] + net["b1"])
    return h @ net["W2"] + net["b2"]


def train(net, A, T):
    h = np.tanh(A @ net["W1"] + net["b1"])
    out = h @ net["W2"] + net["b2"]
    d2 = 2 * (out - T) / len(A)
    d1 = (d2 @ net["W2"].T) * (1 - h**2)
    net["W2"] -= net["lr"] * (h.T @ d2 - net["lam"] * net["W2"])  # + lam * W2
    net["b2"] -= net["lr"] * d2.sum(0)
    net["W1"] -= net["lr"] * (A.T @ d1 - net["lam"] * net["W1"])
    net["b1"] -= net["lr"] * d1.sum(0)


def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "weight decay with the wrong sign: the weights grow, tanh units saturate; no fit",
    "fix": "h.T @ d2 + lam * W2 (and the same for W1)",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    print(np.abs(net["W1"]).max(), np.round(predict(net, X).ravel(), 3))
