"""Bug: mini-batches of 2 in random order, but X and y are permuted by two different draws."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def make_net(seed=3):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 4)),
        "b1": np.zeros(4),
        "W2": rng.normal(0, 1, (4, 1)),
        "b2": np.zeros(1),
        "lr": 1.0,
        "rng": np.random.default_rng(seed + 100),
    }


def predict(net, A):
    h = 1 / (1 + np.exp(-(A @ net["W1"] + net["b1"])))
    return 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))


def train(net, A, T):
    A = A[net["rng"].permutation(len(A))]
    T = T[net["rng"].permutation(len(T))]  # a second, different permutation
    for s in range(0, len(A), 2):
        a, t = A[s : s + 2], T[s : s + 2]
        h = 1 / (1 + np.exp(-(a @ net["W1"] + net["b1"])))
        p = 1 / (1 + np.exp(-(h @ net["W2"] + net["b2"])))
        d2 = (p - t) / len(a)
        d1 = (d2 @ net["W2"].T) * h * (1 - h)
        net["W2"] -= net["lr"] * h.T @ d2
        net["b2"] -= net["lr"] * d2.sum(0)
        net["W1"] -= net["lr"] * a.T @ d1
        net["b1"] -= net["lr"] * d1.sum(0)


def doctor_case():
    return xl.adapt(make_net(), "W1 b1 W2 b2", train, X, y, predict=predict, lr="lr", epochs=EPOCHS)


EXPECTED = {
    "healthy": False,
    "bug": "inputs and labels shuffled by different permutations: pairs are random; no fit",
    "fix": "one permutation idx applied to both: A, T = A[idx], T[idx]",
}

if __name__ == "__main__":
    net = make_net()
    for _ in range(EPOCHS):
        train(net, X, y)
    print(np.round(predict(net, X).ravel(), 3))
