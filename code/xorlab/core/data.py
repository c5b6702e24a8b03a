"""The tiny tasks of the book, each as `(X, y)` with `X: (n, d) float64` and `y: (n, 1) float64`."""

import numpy as np

from . import _validate

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


def solved(p, y, mid=0.5):
    """The book's one definition of "solved": every output strictly on its target's side of
    `mid` (p > mid where y > mid, p < mid elsewhere); an output of exactly `mid` is never right.

    p, y: (n, k), or p: (n, k, m) and y: (n, k, m) or (n, k, 1) for m networks at once; other
    shapes are refused (y (n,) against p (n, 1) would broadcast). Returns a bool, or (m,) bools.
    """
    p, y = _validate.same_shape(p, y)
    right = np.where(y > mid, p > mid, p < mid)
    return np.all(right, axis=(0, 1)) if right.ndim > 2 else bool(np.all(right))
