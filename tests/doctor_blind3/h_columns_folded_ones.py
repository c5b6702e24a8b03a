"""Healthy: samples as columns with the biases folded in: the learner's data carries a row of
ones (A: (3, n)), the hidden layer gets a ones row appended too, and the only parameters are
two weight matrices. Mean BCE, full batch, sigmoid units."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
A = np.vstack([X.T, np.ones((1, 4))])  # (3, n): inputs and a row of ones
T = y.T  # (1, n)
EPOCHS = 3000


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class FoldedColumns:
    def __init__(self, seed=6, eta=2.0):
        rng = np.random.default_rng(seed)
        self.V = rng.normal(0, 1, (3, 3))  # 3 hidden units x (2 inputs + bias)
        self.w = rng.normal(0, 1, (1, 4))  # 1 output x (3 hidden + bias)
        self.eta = eta

    def output(self, A):  # A: (3, n) -> (1, n)
        hid = sigmoid(self.V @ A)
        self.H = np.vstack([hid, np.ones((1, A.shape[1]))])
        return sigmoid(self.w @ self.H)

    def learn(self, A, T):
        n = A.shape[1]
        e = (self.output(A) - T) / n
        back = (self.w[:, :3].T @ e) * self.H[:3] * (1 - self.H[:3])
        self.w -= self.eta * e @ self.H.T
        self.V -= self.eta * back @ A.T


def doctor_case():
    return xl.adapt(
        FoldedColumns(),
        "V w",
        "learn",
        A,
        T,
        predict="output",
        lr="eta",
        columns=True,
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": True,
    "bug": None,
    "fix": "nothing: biases folded as a row of ones in the inputs and in the hidden layer",
}

if __name__ == "__main__":
    net = FoldedColumns()
    for _ in range(EPOCHS):
        net.learn(A, T)
    out = net.output(A)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - T).max():.3f}")
