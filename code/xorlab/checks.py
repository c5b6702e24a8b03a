"""Self-checks for exercises: call one on your answer; it says whether it is right and, if not,
why. Each returns a `Feedback`, which prints as a short message and is truthy when correct."""

from dataclasses import dataclass

import numpy as np

from . import losses
from .data import xor
from .mlp import MLP


@dataclass
class Feedback:
    """The verdict of a self-check: `correct` and a `message` for the learner."""

    correct: bool
    message: str

    def __bool__(self):
        return self.correct

    def __str__(self):
        return ("Correct. " if self.correct else "Not yet. ") + self.message

    __repr__ = __str__


def _probe_points():
    p = np.array([[0.1], [0.3], [0.5], [0.7], [0.9], [0.2], [0.6], [0.95]])
    y = np.array([[0.0], [0.0], [0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])
    return p, y


def check_bce_grad(fn):
    """Check `fn(p, y)` returns dL/dp of the *mean* binary cross-entropy, for p, y: (n, 1)."""
    p, y = _probe_points()
    try:
        got = np.asarray(fn(p.copy(), y.copy()), dtype=float)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"calling your function raised {type(exc).__name__}: {exc}")
    want = losses.bce_grad(p, y)
    if got.shape != want.shape:
        return Feedback(
            False, f"it returned shape {got.shape}; dL/dp has the shape of p, {want.shape}."
        )
    if np.allclose(got, want, rtol=1e-6, atol=1e-9):
        return Feedback(True, "Your dL/dp matches the derivative of the mean BCE.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], -want[rows]):
            return Feedback(False, f"your dL/dp has the wrong sign for y = {cls}.")
    if np.allclose(got, want * len(p)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    return Feedback(False, "it does not match (p - y) / (p (1 - p)) / n; check each term.")


def check_xor_weights(params, sizes=(2, 2, 1), hidden="sigmoid", output="sigmoid", tol=0.1):
    """Check hand-chosen `params` (dict W1, b1, W2, b2 with MLP shapes) solve XOR: every output
    within `tol` of its target."""
    net = MLP(sizes, hidden=hidden, output=output)
    for k, v in net.params.items():
        if k not in params:
            return Feedback(False, f"params is missing {k}; it needs {list(net.params)}.")
        got = np.asarray(params[k], dtype=float)
        if got.shape != v.shape:
            return Feedback(False, f"{k} has shape {got.shape}; it must be {v.shape}.")
        net.params[k] = got
    X, y = xor()
    p = net.forward(X)
    worst = int(np.argmax(np.abs(p - y)))
    if np.all(np.abs(p - y) < tol):
        return Feedback(True, f"every output is within {tol} of its target.")
    return Feedback(
        False,
        f"input {X[worst].tolist()} gives {p[worst, 0]:.3f}, target {y[worst, 0]:.0f} "
        f"(allowed distance {tol}).",
    )


def check_number(value, expected, name="your answer", rtol=1e-3):
    """Check a number against the expected value, with a relative tolerance."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"{name} must be a number, got {value!r}.")
    if np.isclose(v, expected, rtol=rtol, atol=1e-12):
        return Feedback(True, f"{name} is {v:.4g}.")
    direction = "too large" if v > expected else "too small"
    return Feedback(False, f"{name} = {v:.4g} is {direction}.")
