"""Bug: a class keeping its layers in lists (weights and biases), XOR, 2-6-1 tanh, sigmoid
output, BCE, full batch. The update line is dedented out of its loop, so only the last
(param, grad) pair, the output bias, is ever updated."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 600


# --- the learner's code ---
class ListNet:
    def __init__(self, sizes=(2, 6, 1), lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0, 1, (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        h = np.tanh(X @ self.weights[0] + self.biases[0])
        return 1 / (1 + np.exp(-(h @ self.weights[1] + self.biases[1])))

    def train(self, X, y):
        h = np.tanh(X @ self.weights[0] + self.biases[0])
        out = 1 / (1 + np.exp(-(h @ self.weights[1] + self.biases[1])))
        d2 = (out - y) / len(X)
        d1 = d2 @ self.weights[1].T * (1 - h**2)
        params = self.weights + self.biases
        grads = [X.T @ d1, h.T @ d2, d1.sum(0), d2.sum(0)]
        for param, grad in zip(params, grads):
            assert param.shape == grad.shape
        param -= self.lr * grad  # BUG


def doctor_case():
    return xl.adapt(
        ListNet(),
        "weights.0 weights.1 biases.0 biases.1",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {
    "healthy": False,
    "bug": "the update is dedented out of the loop: only the output bias is updated",
    "fix": "indent the update into the loop",
}

if __name__ == "__main__":
    net = ListNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
