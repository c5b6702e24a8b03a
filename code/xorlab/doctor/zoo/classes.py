"""Class-based learner programs: the weights live on the object and `train` changes them in
place. Full-batch, per-sample, random-order and mini-batch loops."""

import numpy as np

from ..adapter import adapt
from ..causes import GRADIENT
from . import TROUBLE, program

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
PARAMS = ("W1", "b1", "W2", "b2")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-h-1, tanh hidden units, sigmoid output, mean BCE; full-batch gradient descent."""

    def __init__(self, hidden=3, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = rng.normal(0, 1, (hidden, 1))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        self.out = sigmoid(self.h @ self.W2 + self.b2)
        return self.out

    def backward(self, X, y):
        """Returns dW1, db1, dW2, db2 for the mean BCE."""
        d2 = (self.out - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        return X.T @ d1, d1.sum(axis=0, keepdims=True), self.h.T @ d2, d2.sum(axis=0)

    def train(self, X, y):
        self.forward(X)
        dW1, db1, dW2, db2 = self.backward(X, y)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2


def adapted(net, **kw):
    return adapt(net, PARAMS, "train", X, Y, predict="forward", lr="lr", **kw)


@program("class, full batch")
def class_full_batch():
    """Correct: tanh hidden layer, full-batch steps, weights updated in place."""
    return adapted(Net(), epochs=600)


class PerSample(Net):
    def train(self, X, y):
        for x, t in zip(X, y):
            x, t = x.reshape(1, -1), t.reshape(1, -1)
            self.forward(x)
            dW1, db1, dW2, db2 = self.backward(x, t)
            self.W1 -= self.lr * dW1
            self.b1 -= self.lr * db1
            self.W2 -= self.lr * dW2
            self.b2 -= self.lr * db2


@program("class, per-sample loop")
def class_per_sample():
    """Correct: one update per sample, in order."""
    return adapted(PerSample(), epochs=600)


class RandomOrder(Net):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.rng = np.random.default_rng(7)

    def train(self, X, y):
        for i in self.rng.permutation(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            self.forward(x)
            grads = self.backward(x, t)
            for name, g in zip(PARAMS, grads):
                setattr(self, name, getattr(self, name) - self.lr * g)


@program("class, random-order loop")
def class_random_order():
    """Correct: one update per sample, in a new random order every epoch."""
    return adapted(RandomOrder(), epochs=600)


class MiniBatch(Net):
    def train(self, X, y, batch=2):
        for start in range(0, len(X), batch):
            xb, tb = X[start : start + batch], y[start : start + batch]
            self.forward(xb)
            dW1, db1, dW2, db2 = self.backward(xb, tb)
            self.W1 -= self.lr * dW1
            self.b1 -= self.lr * db1
            self.W2 -= self.lr * dW2
            self.b2 -= self.lr * db2


@program("class, mini-batch loop")
def class_minibatch():
    """Correct: mini-batches of two samples."""
    return adapted(MiniBatch(), epochs=600)


class Printing(PerSample):
    """Prints its loss every 100 epochs, as learners do."""

    epoch = 0

    def train(self, X, y):
        super().train(X, y)
        self.epoch += 1
        if self.epoch % 100 == 0:
            out = self.forward(X)
            print(f"epoch {self.epoch} loss {np.mean((out - y) ** 2):.4f}")


@program("class, prints its loss")
def class_prints():
    """Correct: a per-sample loop that prints as it trains (the doctor keeps quiet)."""
    return adapted(Printing(), epochs=600)


class HardCodedRate(Net):
    def train(self, X, y):
        for x, t in zip(X, y):
            x, t = x[None, :], t[None, :]
            self.forward(x)
            dW1, db1, dW2, db2 = self.backward(x, t)
            self.W1 = self.W1 - 0.5 * dW1
            self.b1 = self.b1 - 0.5 * db1
            self.W2 = self.W2 - 0.5 * dW2
            self.b2 = self.b2 - 0.5 * db2


@program("class, learning rate written in the update")
def class_hardcoded_lr():
    """Correct: the learning rate is a number inside train, not an attribute."""
    net = HardCodedRate()
    return adapt(net, PARAMS, "train", X, Y, predict="forward", lr=0.5, epochs=600)


class Reversed(PerSample):
    def backward(self, X, y):
        d2 = (y - self.out) / len(X)  # the error the wrong way round
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        return X.T @ d1, d1.sum(axis=0, keepdims=True), self.h.T @ d2, d2.sum(axis=0)


@program("class, per-sample loop", {"sign_flip"}, TROUBLE)
def class_reversed_error():
    """The output error written y - out: every step climbs the loss."""
    return adapted(Reversed(), epochs=300)


class NoHiddenDerivative(Net):
    def backward(self, X, y):
        d2 = (self.out - y) / len(X)
        d1 = d2 @ self.W2.T  # tanh's derivative forgotten
        return X.T @ d1, d1.sum(axis=0, keepdims=True), self.h.T @ d2, d2.sum(axis=0)


@program("class, full batch", {"data_factor", "wrong_gradient"}, GRADIENT | TROUBLE)
def class_no_hidden_derivative():
    """The hidden layer's derivative (1 - h**2) left out."""
    return adapted(NoHiddenDerivative(), epochs=600)


class SigmoidNet:
    """2-2-1 all-sigmoid net, per-sample updates, squared error, as in many tutorials."""

    def __init__(self, lr=2.0, seed=4):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.uniform(-1, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.uniform(-1, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = sigmoid(self.z1)
        self.a2 = sigmoid(self.a1 @ self.W2 + self.b2)
        return self.a2

    def derivative(self):
        return self.a1 * (1 - self.a1)

    def train(self, X, y):
        for x, t in zip(X, y):
            x = x.reshape(1, 2)
            out = self.forward(x)
            d2 = (out - t) * out * (1 - out)
            d1 = (d2 @ self.W2.T) * self.derivative()
            self.W2 -= self.lr * self.a1.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1[0]

    def loss(self, X, y):
        return float(np.mean(0.5 * (self.forward(X) - y) ** 2))


def sigmoid_adapted(net, **kw):
    return adapt(net, PARAMS, "train", X, Y, predict="forward", loss="loss", lr="lr", **kw)


@program("class, per-sample loop, squared error")
def class_sigmoid_mse():
    """Correct: all-sigmoid 2-3-1, half squared error, per-sample updates."""
    return sigmoid_adapted(SigmoidNet(), epochs=2000)


class DerivativeOfZ(SigmoidNet):
    def derivative(self):
        return self.z1 * (1 - self.z1)  # sigmoid' written with z instead of sigmoid(z)


@program(
    "class, per-sample loop, squared error", {"data_factor", "wrong_gradient"}, GRADIENT | TROUBLE
)
def class_derivative_of_z():
    """The sigmoid's derivative taken as z (1 - z) of the pre-activation z."""
    return sigmoid_adapted(DerivativeOfZ(), epochs=2000)


class BiasForgotten(SigmoidNet):
    def train(self, X, y):
        for x, t in zip(X, y):
            x = x.reshape(1, 2)
            out = self.forward(x)
            d2 = (out - t) * out * (1 - out)
            d1 = (d2 @ self.W2.T) * self.derivative()
            self.W2 -= self.lr * self.a1.T @ d2
            self.b2 -= self.lr * d2[0]
            self.W1 -= self.lr * x.T @ d1  # b1 is never updated


@program("class, per-sample loop, squared error", {"zero_gradient"}, TROUBLE)
def class_bias_not_updated():
    """The hidden biases are never updated (their update line is missing)."""
    return sigmoid_adapted(BiasForgotten(), epochs=2000)


class HiddenSummed(Net):
    def backward(self, X, y):
        d2 = (self.out - y) / len(X)
        d1 = ((self.out - y) @ self.W2.T) * (1 - self.h**2)  # no 1/n here
        return X.T @ d1, d1.sum(axis=0, keepdims=True), self.h.T @ d2, d2.sum(axis=0)


@program("class, full batch", blind=True)
def class_hidden_summed():
    """The hidden layer sums over the samples, the output layer averages: it trains.

    Read off the update, a factor in some layers is a rate of their own; a run that reaches a
    solution with its own update is healthy, so the doctor says the factor in its summary."""
    return adapted(HiddenSummed(), epochs=600)


class SigmoidDerivativeForTanh(PerSample):
    def backward(self, X, y):
        d2 = (self.out - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)  # sigmoid's derivative on tanh units
        return X.T @ d1, d1.sum(axis=0, keepdims=True), self.h.T @ d2, d2.sum(axis=0)


@program("class, per-sample loop", {"data_factor", "wrong_gradient"}, GRADIENT | TROUBLE)
def class_sigmoid_derivative_for_tanh():
    """Tanh hidden units trained with the sigmoid's derivative h (1 - h)."""
    return adapted(SigmoidDerivativeForTanh(), epochs=600)


class ReluNet:
    """2-8-1 ReLU net with a sigmoid output, full batch, mean BCE, and a predict method."""

    def __init__(self, seed=0, lr=0.5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, np.sqrt(2 / 2), (2, 8))
        self.b1 = np.full(8, 0.1)
        self.W2 = rng.normal(0, np.sqrt(2 / 8), (8, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.W1 + self.b1
        self.h = np.maximum(self.z, 0)
        return sigmoid(self.h @ self.W2 + self.b2)

    def relu_derivative(self):
        return (self.z > 0).astype(float)

    def train(self, X, y):
        out = self.forward(X)
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * self.relu_derivative()
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)

    def predict(self, X):
        return (self.forward(X) > 0.5).astype(int)


@program("class, ReLU with predict")
def class_relu_healthy():
    """Correct: a ReLU net whose class also has a thresholded predict."""
    net = ReluNet()
    return adapt(net, PARAMS, "train", X, Y, predict="forward", lr="lr", epochs=800)


class ReluDerivativeFromOutput(ReluNet):
    def relu_derivative(self):
        return self.h  # the activation itself, not the step 1[z > 0]


@program("class, ReLU", {"data_factor", "wrong_gradient"}, GRADIENT | TROUBLE)
def class_relu_derivative_is_h():
    """ReLU's derivative written as the activation h instead of 1 where z > 0."""
    net = ReluDerivativeFromOutput()
    return adapt(net, PARAMS, "train", X, Y, predict="forward", lr="lr", epochs=800)


class UpdateOrder(PerSample):
    def train(self, X, y):
        for x, t in zip(X, y):
            x, t = x.reshape(1, -1), t.reshape(1, -1)
            out = self.forward(x)
            d2 = out - t
            self.W2 -= self.lr * self.h.T @ d2  # W2 changed before the hidden error uses it
            self.b2 -= self.lr * d2.sum(axis=0)
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            self.W1 -= self.lr * x.T @ d1
            self.b1 -= self.lr * d1.sum(axis=0, keepdims=True)


@program("class, per-sample loop", {"data_factor", "wrong_gradient"}, GRADIENT | TROUBLE)
def class_update_order():
    """The output weights are updated before the hidden error is computed with them."""
    return adapted(UpdateOrder(), epochs=600)


class DictWeights:
    """Weights kept in a dict attribute, mini-batches of one sample in random order."""

    def __init__(self, lr=0.5, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(size=(2, 4)),
            "b1": np.zeros(4),
            "W2": rng.normal(size=(4, 1)),
            "b2": np.zeros(1),
        }
        self.lr, self.rng = lr, np.random.default_rng(0)

    def forward(self, X):
        p = self.params
        self.h = np.tanh(X @ p["W1"] + p["b1"])
        return sigmoid(self.h @ p["W2"] + p["b2"])

    def fit_epoch(self, X, y):
        p = self.params
        for i in self.rng.permutation(len(X)):
            x, t = X[i : i + 1], y[i : i + 1]
            d2 = self.forward(x) - t
            d1 = d2 @ p["W2"].T * (1 - self.h**2)
            p["W2"] -= self.lr * self.h.T @ d2
            p["b2"] -= self.lr * d2[0]
            p["W1"] -= self.lr * x.T @ d1
            p["b1"] -= self.lr * d1[0]


@program("class, weights in a dict attribute")
def class_weights_in_dict():
    """Correct: the weights live in self.params, one random sample per update."""
    names = ["params.W1", "params.b1", "params.W2", "params.b2"]
    return adapt(DictWeights(), names, "fit_epoch", X, Y, predict="forward", lr="lr", epochs=600)


class ListWeights:
    """Weights and biases kept in lists, one layer after another."""

    def __init__(self, lr=0.5, seed=6):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(size=(2, 3)), rng.normal(size=(3, 1))]
        self.biases = [np.zeros(3), np.zeros(1)]
        self.lr = lr

    def forward(self, X):
        self.z = X @ self.weights[0] + self.biases[0]
        self.h = np.tanh(self.z)
        return sigmoid(self.h @ self.weights[1] + self.biases[1])

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.weights[1].T * (1 - self.z**2)  # tanh' taken at z, not at tanh(z)
        self.weights[1] -= self.lr * self.h.T @ d2
        self.biases[1] -= self.lr * d2.sum(0)
        self.weights[0] -= self.lr * X.T @ d1
        self.biases[0] -= self.lr * d1.sum(0)


@program("class, weights in lists", {"data_factor", "wrong_gradient"}, GRADIENT | TROUBLE)
def class_weights_in_lists():
    """Tanh's derivative written 1 - z**2 with the pre-activation z (weights kept in lists)."""
    names = ["weights.0", "biases.0", "weights.1", "biases.1"]
    return adapt(ListWeights(), names, "train", X, Y, predict="forward", lr="lr", epochs=600)
