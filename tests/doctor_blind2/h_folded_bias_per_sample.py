"""Healthy: biases folded into the weights (a column of ones appended), one sample at a time
in a fixed order, sigmoid units, squared error per sample."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def ones(A):
    return np.hstack([A, np.ones((len(A), 1))])


class FoldedNet:
    def __init__(self, seed=13, rate=2.0):
        rng = np.random.default_rng(seed)
        self.V = rng.uniform(-1, 1, (3, 3))  # (2 inputs + bias, 3 hidden)
        self.U = rng.uniform(-1, 1, (4, 1))  # (3 hidden + bias, 1 output)
        self.rate = rate

    def output(self, A):
        return sigmoid(ones(sigmoid(ones(A) @ self.V)) @ self.U)

    def sweep(self, A, T):
        for i in range(len(A)):
            a = ones(A[i : i + 1])
            h = ones(sigmoid(a @ self.V))
            o = sigmoid(h @ self.U)
            do = (o - T[i : i + 1]) * o * (1 - o)
            dh = (do @ self.U[:-1].T) * h[:, :-1] * (1 - h[:, :-1])
            self.U -= self.rate * h.T @ do
            self.V -= self.rate * a.T @ dh


def doctor_case():
    return xl.adapt(FoldedNet(), "V U", "sweep", X, y, predict="output", lr="rate", epochs=EPOCHS)


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: the bias row of U is left out of the hidden delta, as it should be",
}

if __name__ == "__main__":
    net = FoldedNet()
    for _ in range(EPOCHS):
        net.sweep(X, y)
    print(np.round(net.output(X).ravel(), 3))
