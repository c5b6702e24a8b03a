"""Healthy: a class whose layers are Python lists of float32 arrays (`self.weights`,
`self.biases`), 2-4-1 sigmoid, halved squared error, one sample at a time in a fixed order,
a backward loop over the layers; data, weights and rate (np.float32) all float32."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
y = np.array([[0], [1], [1], [0]], dtype=np.float32)
EPOCHS = 2500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ListNet:
    def __init__(self, sizes=(2, 4, 1), lr=2.0, seed=2):
        rng = np.random.default_rng(seed)
        pairs = zip(sizes[:-1], sizes[1:])
        self.weights = [rng.normal(0, 1, (a, b)).astype(np.float32) for a, b in pairs]
        self.biases = [np.zeros(b, dtype=np.float32) for b in sizes[1:]]
        self.lr = np.float32(lr)

    def forward(self, X):
        self.acts = [X]
        for W, b in zip(self.weights, self.biases):
            self.acts.append(sigmoid(self.acts[-1] @ W + b))
        return self.acts[-1]

    def train(self, X, y):
        for i in range(len(X)):
            out = self.forward(X[i : i + 1])
            delta = (out - y[i : i + 1]) * out * (1 - out)
            for layer in reversed(range(len(self.weights))):
                a = self.acts[layer]
                grad_W, grad_b = a.T @ delta, delta.sum(axis=0)
                if layer > 0:
                    delta = (delta @ self.weights[layer].T) * a * (1 - a)
                self.weights[layer] -= self.lr * grad_W
                self.biases[layer] -= self.lr * grad_b


def doctor_case():
    return xl.adapt(
        ListNet(),
        "weights.0 biases.0 weights.1 biases.1",
        "train",
        X,
        y,
        predict="forward",
        lr="lr",
        epochs=EPOCHS,
    )


EXPECTED = {"healthy": True, "bug": None, "fix": "nothing"}

if __name__ == "__main__":
    net = ListNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.forward(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
