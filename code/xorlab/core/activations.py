"""Activation functions and their derivatives with respect to the pre-activation `z`.

Every function acts elementwise on an array of any shape and returns float64.
"""

from dataclasses import dataclass

import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + e^(-z)), computed as (1 + tanh(z / 2)) / 2.

    That form never overflows (no warning, no NaN at |z| = 1000) and is exact to about 1e-16 in
    absolute terms; for log-probabilities use `losses.bce_with_logits`, which is exact.
    """
    s = np.tanh(0.5 * np.asarray(z, dtype=np.float64))
    s *= 0.5  # in place: this function is the hot spot of train_many
    s += 0.5
    return s


def sigmoid_derivative(z):
    """sigma'(z) = sigma(z) (1 - sigma(z)); at most 1/4, reached at z = 0."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """The hyperbolic tangent, 2 sigma(2z) - 1."""
    return np.tanh(z)


def tanh_derivative(z):
    """tanh'(z) = 1 - tanh(z)^2; at most 1, reached at z = 0."""
    return 1.0 - np.tanh(z) ** 2


def relu(z):
    """max(z, 0)."""
    return np.maximum(z, 0.0)


def relu_derivative(z):
    """1 where z > 0, else 0 (at the kink z = 0 we use 0 by convention)."""
    return (np.asarray(z) > 0).astype(np.float64)


LEAK = 0.01


def leaky_relu(z, alpha=LEAK):
    """z where z > 0, else alpha z."""
    # at z = 0 both branches give 0, so `>=` for `>` is an equivalent mutant
    leak = alpha * np.asarray(z, dtype=np.float64)
    return np.where(np.asarray(z) > 0, z, leak)  # pragma: no mutate


def leaky_relu_derivative(z, alpha=LEAK):
    """1 where z > 0, else alpha (alpha at the kink z = 0)."""
    return np.where(np.asarray(z) > 0, 1.0, alpha)


def identity(z):
    """z itself (a linear unit)."""
    return np.asarray(z, dtype=np.float64)


def identity_derivative(z):
    """1 everywhere, in the shape of z."""
    return np.ones_like(z, dtype=np.float64)


@dataclass(frozen=True)
class Activation:
    """An activation `f(z)` and its derivative `df(z)`.

    `df_cached(z, a)` is the same derivative computed from z and the already known a = f(z)
    (cheaper: backpropagation has both). `kink` says whether f has a kink at z = 0.
    """

    name: str
    f: object
    df: object
    df_cached: object
    kink: bool = False


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_derivative, lambda z, a: a * (1.0 - a)),
    "tanh": Activation("tanh", tanh, tanh_derivative, lambda z, a: 1.0 - a * a),
    "relu": Activation("relu", relu, relu_derivative, lambda z, a: relu_derivative(z), kink=True),
    "leaky_relu": Activation(
        "leaky_relu", leaky_relu, leaky_relu_derivative, lambda z, a: leaky_relu_derivative(z), True
    ),
    "identity": Activation("identity", identity, identity_derivative, lambda z, a: 1.0),
}
