"""Right gradient, training wrong: the learning rate, the number of steps, the start."""

import numpy as np

from ...core.data import xor
from ...core.mlp import MLP
from ..adapter import adapt
from ..report import adapt_mlp
from . import TROUBLE, program

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-3-1 tanh/sigmoid, mean BCE, full batch; the start set by `scale` and `bias`."""

    def __init__(self, lr=1.0, scale=1.0, bias=0.0, seed=12, hidden=3):
        rng = np.random.default_rng(seed)
        self.W1 = scale * rng.normal(size=(2, hidden))
        self.b1 = np.full(hidden, bias)
        self.W2 = scale * rng.normal(size=(hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h = self.activation(X @ self.W1 + self.b1)
        return sigmoid(self.h @ self.W2 + self.b2)

    def activation(self, z):
        return np.tanh(z)

    def slope(self):
        return 1 - self.h**2

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = d2 @ self.W2.T * self.slope()
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def adapted(net, **kw):
    names = ("W1", "b1", "W2", "b2")
    return adapt(net, names, "train", X, Y, predict="forward", lr="lr", **kw)


@program("class, training", {"lr_too_small"})
def lr_one_in_a_million():
    """A learning rate of 1e-6: the loss does not move in the run."""
    return adapted(Net(lr=1e-6), epochs=2000)


@program("class, training", {"too_few_steps"})
def too_few_epochs():
    """Trained for 40 epochs, far fewer than XOR needs at this learning rate."""
    return adapted(Net(lr=0.5), epochs=40)


@program("class, training", {"plateau_start"}, {"too_few_steps"})
def tiny_init_saddle():
    """Weights drawn at scale 0.001: the run starts on XOR's saddle, where every unit is alike."""
    return adapted(Net(lr=0.5, scale=0.001), epochs=300)


@program("class, training", {"stuck_units"}, {"flat", "cannot_fit"})
def saturated_tanh_start():
    """Hidden biases of 20: every tanh unit is saturated at +1 on every input."""
    return adapted(Net(lr=0.5, bias=20.0, seed=4), epochs=500)


class Relu(Net):
    def activation(self, z):
        return np.maximum(z, 0)

    def slope(self):
        return (self.h > 0).astype(float)


@program("class, training", {"stuck_units"}, {"flat", "cannot_fit"})
def dead_relu_start():
    """ReLU units with biases of -5: every unit outputs 0 on every input, none can learn."""
    return adapted(Relu(lr=0.5, bias=-5.0, seed=2, hidden=4), epochs=500)


@program("class, training", {"lr_too_large", "diverged"}, TROUBLE)
def lr_eighty():
    """A learning rate of 80: the loss jumps about instead of falling."""
    return adapted(Net(lr=80.0), epochs=300)


@program("class, training", {"symmetric"}, TROUBLE)
def zeros_start():
    """Every weight starts at 0: the hidden units stay copies of each other."""
    return adapted(Net(lr=1.0, scale=0.0), epochs=500)


@program("class, training")
def small_init_trains():
    """Correct: weights at scale 0.1 (small, but off the saddle), given enough epochs."""
    return adapted(Net(lr=1.0, scale=0.5, seed=3, hidden=4), epochs=1500)


class PerSample(Net):
    def train(self, X, y):
        for x, t in zip(X, y):
            super().train(x[None, :], t[None, :])


@program("class, per-sample loop, training", {"lr_too_small"})
def per_sample_tiny_lr():
    """A per-sample loop with a learning rate of 1e-5."""
    return adapted(PerSample(lr=1e-5), epochs=500)


@program("class, per-sample loop, training", {"too_few_steps"})
def per_sample_too_few():
    """A per-sample loop stopped after 25 epochs."""
    return adapted(PerSample(lr=0.3, seed=5), epochs=25)


def mlp_case(scale):
    net = MLP((2, 2, 1), init_scale=scale, seed=0)
    return {**adapt_mlp(net, *xor()), "epochs": 300}


@program("xorlab MLP, training", {"plateau_start"}, {"too_few_steps"})
def mlp_init_scale_small():
    """Correct MLP code started at init_scale=0.01: on the saddle, no gradient bug."""
    return mlp_case(0.01)
