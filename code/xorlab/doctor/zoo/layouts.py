"""Layout slips: samples as columns, integer arrays, targets of shape (n,), broadcasting."""

import numpy as np

from ..adapter import adapt
from ..causes import GRADIENT
from . import TROUBLE, program

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])  # integers, as typed
Y = np.array([[0], [1], [1], [0]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ColumnNet:
    """Samples as columns: X.T is (2, n); W1 (h, 2), b1 (h, 1), W2 (1, h), b2 (1, 1)."""

    def __init__(self, lr=1.0, seed=3):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(size=(3, 2)), np.zeros((3, 1))
        self.W2, self.b2 = rng.normal(size=(1, 3)), np.zeros((1, 1))
        self.lr = lr

    def forward(self, A):
        self.a1 = np.tanh(self.W1 @ A + self.b1)
        return sigmoid(self.W2 @ self.a1 + self.b2)

    def bias_gradient(self, dz):
        return dz.sum(axis=1, keepdims=True)

    def train(self, A, T):
        m = A.shape[1]
        dz2 = (self.forward(A) - T) / m
        dz1 = (self.W2.T @ dz2) * (1 - self.a1**2)
        self.W2 = self.W2 - self.lr * dz2 @ self.a1.T
        self.b2 = self.b2 - self.lr * self.bias_gradient(dz2)
        self.W1 = self.W1 - self.lr * dz1 @ A.T
        self.b1 = self.b1 - self.lr * self.bias_gradient(dz1)


def column_case(net, **kw):
    names = ("W1", "b1", "W2", "b2")
    return adapt(net, names, "train", X.T, Y.T, predict="forward", lr="lr", columns=True, **kw)


@program("class, samples as columns")
def cols_correct():
    """Correct: samples as columns, integer data."""
    return column_case(ColumnNet(), epochs=600)


class ColumnWrongAxis(ColumnNet):
    def bias_gradient(self, dz):
        return dz.sum(axis=0, keepdims=True)  # sums over units: shape (1, n)


@program("class, samples as columns", {"shape_changed"}, GRADIENT | TROUBLE)
def cols_bias_wrong_axis():
    """Bias gradient summed over the wrong axis: b1 broadcasts to (3, n) after one step."""
    return column_case(ColumnWrongAxis(), epochs=600)


class IntegerWeights:
    """Weights typed in by hand as integers, updated by slice assignment."""

    def __init__(self, lr=0.5):
        self.W1 = np.array([[1, -1], [-1, 1]])
        self.b1 = np.array([0, 0])
        self.W2 = np.array([[1], [1]])
        self.b2 = np.array([0])
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2[:] = self.W2 - self.lr * self.h.T @ d2
        self.b2[:] = self.b2 - self.lr * d2.sum(0)
        self.W1[:] = self.W1 - self.lr * X.T @ d1
        self.b1[:] = self.b1 - self.lr * d1.sum(0)


@program("class, integer weights", {"integer_weights"}, TROUBLE)
def int_weights():
    """Integer weight arrays: every update is truncated back to whole numbers."""
    net = IntegerWeights()
    return adapt(net, ("W1", "b1", "W2", "b2"), "train", X, Y, predict="forward", lr="lr")


class FloatWeights(IntegerWeights):
    def __init__(self, lr=0.5):
        super().__init__(lr)
        rng = np.random.default_rng(0)
        self.W1 = self.W1 + rng.normal(0, 0.5, (2, 2))
        self.W2 = self.W2 + rng.normal(0, 0.5, (2, 1))
        self.b1, self.b2 = np.zeros(2), np.zeros(1)


@program("class, integer data")
def int_data():
    """Correct: integer inputs and targets, float weights."""
    net = FloatWeights(lr=1.0)
    return adapt(
        net, ("W1", "b1", "W2", "b2"), "train", X, Y, predict="forward", lr="lr", epochs=1000
    )


class FlatTargets:
    """Targets of shape (n,) against outputs of shape (n, 1): out - y is (n, n)."""

    def __init__(self, lr=1.0):
        rng = np.random.default_rng(5)
        self.W1, self.b1 = rng.normal(size=(2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(size=(3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def train(self, X, y):
        err = self.forward(X) - y  # (n, 1) - (n,) -> (n, n)
        d2 = err.mean(axis=1, keepdims=True) / len(X)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)


@program("class, targets of shape (n,)", GRADIENT, TROUBLE)
def flat_targets():
    """Targets of shape (n,) broadcast against outputs (n, 1) into an (n, n) error."""
    net = FlatTargets()
    y_flat = np.array([0, 1, 1, 0])
    return adapt(
        net, ("W1", "b1", "W2", "b2"), "train", X, y_flat, predict="forward", lr="lr", epochs=600
    )


class PredictFlat:
    """Correct, but forward returns shape (n,) (the output column flattened)."""

    def __init__(self, lr=1.0):
        rng = np.random.default_rng(9)
        self.W1, self.b1 = rng.normal(size=(2, 3)), np.zeros(3)
        self.w2, self.b2 = rng.normal(size=3), 0.0
        self.lr = lr

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.w2 + self.b2)

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)  # (n,)
        d1 = np.outer(d2, self.w2) * (1 - self.h**2)
        self.w2 = self.w2 - self.lr * self.h.T @ d2
        self.b2 = self.b2 - self.lr * d2.sum()
        self.W1 = self.W1 - self.lr * X.T @ d1
        self.b1 = self.b1 - self.lr * d1.sum(0)


@program("class, flat output and targets")
def flat_output():
    """Correct: a single output kept as shape (n,), targets (n,), a scalar output bias."""
    net = PredictFlat()
    return adapt(
        net,
        ("W1", "b1", "w2", "b2"),
        "train",
        X,
        np.array([0, 1, 1, 0]),
        predict="forward",
        lr="lr",
        epochs=600,
    )
