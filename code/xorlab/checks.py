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


_CHAIN_KEYS = {True: ("W1", "b1", "W2", "b2"), False: ("W1", "W2"), "output": ("W1", "W2", "b2")}


def check_identity_params(params, bias=True):
    """Check hand-chosen parameters of the 1-1-1 sigmoid chain learn the identity task (x = 0 -> 0,
    x = 1 -> 1) with mean squared error below 0.01. bias: True (W1, b1, W2, b2), False (W1, W2)
    or "output" (W1, W2, b2). Each value is a number or an array with one entry."""
    from . import reachable

    if bias not in _CHAIN_KEYS:
        return Feedback(False, f"bias must be True, False or 'output', got {bias!r}.")
    if not isinstance(params, dict):
        return Feedback(False, f"params must be a dict like {{'W1': 1.0, ...}}, got {params!r}.")
    keys = _CHAIN_KEYS[bias]
    if set(params) != set(keys):
        return Feedback(False, f"with bias={bias!r} params needs exactly {list(keys)}.")
    values = {}
    for k in keys:
        v = np.asarray(params[k], dtype=float)
        if v.size != 1 or not np.isfinite(v).all():
            return Feedback(False, f"{k} must be one finite number, got {params[k]!r}.")
        values[k] = float(v.ravel()[0])
    f0, f1 = (float(f) for f in reachable.chain_forward(values, [0.0, 1.0]))
    loss = float(reachable.identity_loss(f0, f1))
    where = f"f(0) = {f0:.3f}, f(1) = {f1:.3f}, loss {loss:.2g}"
    if loss < 0.01:
        return Feedback(True, f"{where} < 0.01.")
    if bias is False:
        why = "no bias-free weights can: f(0) and f(1) always lie on the same side of 1/2"
        return Feedback(False, f"{where}; {why}, so the loss stays above 0.125.")
    if f0 >= 0.5:
        return Feedback(
            False,
            f"{where}: f(0) is too high; make the output unit's input at x = 0, "
            "W2 * sigmoid(b1) + b2, strongly negative.",
        )
    if f1 <= 0.5:
        return Feedback(
            False,
            f"{where}: f(1) is too low; the output unit's input at x = 1, "
            "W2 * sigmoid(W1 + b1) + b2, must be strongly positive.",
        )
    return Feedback(
        False,
        f"{where}: both outputs are on the right side of 1/2 but not close "
        "enough; scale the weights and biases up.",
    )


def check_bias_free_choices(answer):
    """Check the letters of `reachable.QUIZ_PAIRS` a bias-free 1-1-1 chain can output exactly,
    given as a string ("AC") or a collection of letters."""
    from . import reachable

    try:
        chosen = {str(a).strip().upper() for a in answer}
    except TypeError:
        return Feedback(False, f"give the letters as a string or a set, got {answer!r}.")
    chosen.discard("")
    unknown = chosen - set(reachable.QUIZ_PAIRS)
    if unknown:
        return Feedback(
            False, f"{sorted(unknown)} are not options; choose from {sorted(reachable.QUIZ_PAIRS)}."
        )
    notes = []
    for letter, (f0, f1) in sorted(reachable.QUIZ_PAIRS.items()):
        weights = reachable.no_bias_weights(f0, f1)
        if letter in chosen and weights is None:
            side = (f0 - 0.5) * (f1 - 0.5) < 0 or (f0 == 0.5) != (f1 == 0.5)
            why = (
                "f(0) and f(1) lie on opposite sides of 1/2"
                if side
                else "logit f(1) is more than twice logit f(0), and sigmoid(w1) < 1"
            )
            notes.append(f"{letter} {(f0, f1)} cannot be reached: {why}")
        elif letter not in chosen and weights is not None:
            notes.append(
                f"{letter} {(f0, f1)} can be reached, with w1 = {weights[0]:.3f}, "
                f"w2 = {weights[1]:.3f}"
            )
    if not notes:
        return Feedback(
            True,
            "these are the pairs with logit f(1) = r logit f(0), 0 < r < 2 (or f = 1/2).",
        )
    return Feedback(False, "; ".join(notes) + ".")


def check_tanh_derivative(fn):
    """Check `fn(a)` returns tanh's derivative written in terms of its output a = tanh(z)."""
    a = np.linspace(-0.95, 0.95, 9)
    try:
        got = np.asarray(fn(a.copy()), dtype=float)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        return Feedback(False, f"calling your function raised {type(exc).__name__}: {exc}")
    if got.shape != a.shape:
        return Feedback(False, f"it returned shape {got.shape}; the derivative has a's shape.")
    if np.allclose(got, 1 - a**2):
        return Feedback(True, "tanh'(z) = 1 - a^2, computed from the output a alone.")
    if np.allclose(got, a * (1 - a)):
        return Feedback(False, "a (1 - a) is the sigmoid's derivative; it is negative for a < 0.")
    if np.allclose(got, 1 - np.tanh(a) ** 2):
        return Feedback(
            False, "a is already tanh(z); applying tanh again gives tanh'(a), not tanh'(z)."
        )
    return Feedback(False, "differentiate tanh(z) and write the result with a = tanh(z).")


def check_chain_bound(value):
    """Check the largest factor that an output sigmoid and a hidden sigmoid, together, can
    put on a gradient reaching the first layer: (1/4) (1/4) = 1/16."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return Feedback(False, f"the answer must be a number, got {value!r}.")
    if np.isclose(v, 1 / 16):
        return Feedback(True, "each sigmoid passes at most 1/4, and the factors multiply: 1/16.")
    if np.isclose(v, 1 / 4):
        return Feedback(False, "that is one sigmoid's bound; the gradient passes through two.")
    if np.isclose(v, 1 / 2):
        return Feedback(False, "the chain rule multiplies the derivatives; it does not add them.")
    return Feedback(False, f"{v:.4g} is not it: take each derivative's maximum and combine them.")
