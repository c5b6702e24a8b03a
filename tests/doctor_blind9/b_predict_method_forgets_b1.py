"""Bug: a class whose training computes its own forward pass with the hidden biases, while
its separate `predict` method, used for the outputs, forgets `+ self.b1` (2-3-1 tanh,
sigmoid output, mean BCE, full batch, XOR)."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([[0], [1], [1], [0]], dtype=float)
EPOCHS = 1500


# --- the learner's code ---
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class TrainPredictNet:
    def __init__(self, lr=1.0, seed=134):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def predict(self, X):
        h = np.tanh(X @ self.W1)  # BUG
        return sigmoid(h @ self.W2 + self.b2)

    def train(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        d2 = (sigmoid(h @ self.W2 + self.b2) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - h**2)
        self.W2 -= self.lr * h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)


def doctor_case():
    return xl.adapt(
        TrainPredictNet(), "W1 b1 W2 b2", "train", X, y, predict="predict", lr="lr", epochs=EPOCHS
    )


EXPECTED = {
    "healthy": False,
    "bug": "predict leaves out the hidden biases that training uses",
    "fix": "h = np.tanh(X @ self.W1 + self.b1) in predict",
}

if __name__ == "__main__":
    net = TrainPredictNet()
    for _ in range(EPOCHS):
        net.train(X, y)
    out = net.predict(X)
    print(np.round(out.ravel(), 3), f"max error {np.abs(out - y).max():.3f}")
