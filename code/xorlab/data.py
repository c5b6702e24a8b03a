"""The tiny tasks of the book, each as `(X, y)` with `X: (n, d) float64` and `y: (n, 1) float64`."""

import numpy as np

_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])


def xor():
    """XOR on the four corners of the unit square: `X: (4, 2)`, `y: (4, 1)` = 0, 1, 1, 0."""
    return _CORNERS.copy(), np.array([[0.0], [1.0], [1.0], [0.0]])


def and_():
    """AND on the four corners: `X: (4, 2)`, `y: (4, 1)` = 0, 0, 0, 1."""
    return _CORNERS.copy(), np.array([[0.0], [0.0], [0.0], [1.0]])


def or_():
    """OR on the four corners: `X: (4, 2)`, `y: (4, 1)` = 0, 1, 1, 1."""
    return _CORNERS.copy(), np.array([[0.0], [1.0], [1.0], [1.0]])


def identity():
    """The identity map on one bit, x=0 -> 0 and x=1 -> 1: `X: (2, 1)`, `y: (2, 1)`."""
    return np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])


TASKS = {"xor": xor, "and": and_, "or": or_, "identity": identity}
