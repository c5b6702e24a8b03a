"""A learner's gradients and gradient steps, compared with finite differences of a reference
program, and how they differ, said for the learner.

How an array differs is decided by `core.wrong_gradient.classify`, the classifier the doctor
uses too; here its verdict is phrased without stating the true gradient.
"""

import numpy as np

from ..core.wrong_gradient import classify
from .guard import Feedback, as_params, call
from .references import fd_gradient

SIGN_FLIP = "the opposite direction: a sign is flipped"
NOT_THE_SLOPE = "not the slope of the loss"


def _scaled(r, n, mean):
    """The phrase for an array that is `r` times the true gradient (r > 0), for a loss over
    n samples that is a mean (`mean`) or a sum."""
    if n > 1 and mean and np.isclose(r, n, rtol=1e-3):
        return f"n = {n} times too large: the loss is a mean over the n samples"
    if n > 1 and np.isclose(r, 1 / n, rtol=1e-3):
        why = "divided by n once too often" if mean else "the loss is a sum, not a mean"
        return f"1/n of the slope (n = {n}): {why}"
    times = f"{r:.3g}"
    if times == "1":  # never "1 times"
        times = f"{r:.6g}"
    return f"the right direction but {times} times the right length"


def _one_number(got, want, n, mean):
    """The phrase for a one-entry array `got` whose true value is `want`."""
    g, w = float(got.ravel()[0]), float(want.ravel()[0])
    if w == 0 or not np.isfinite(g / w):
        return NOT_THE_SLOPE
    if g / w < 0:  # pragma: no mutate (<= is the same: got = 0 is a zero gradient, or right)
        return SIGN_FLIP
    return _scaled(g / w, n, mean)


def how_wrong(got, want, n, mean):
    """One phrase on how the array `got` differs from the true gradient `want` of the same
    shape, for a loss over n samples, a mean (`mean`) or a sum."""
    verdict = classify(got, want, n)
    if verdict.code == "zero_gradient":
        which = "every entry is" if not np.any(got) else "some entries are"
        return f"{which} 0 where the loss has a slope"
    if verdict.code == "sign_flip":
        return SIGN_FLIP
    if verdict.code == "constant_scale":
        return _scaled(verdict.factor, n, mean)
    if verdict.code == "data_factor":
        return (
            "close to the slope's direction, but each entry is off by another factor: look for "
            "a factor that changes with the sample or the unit"
        )
    if verdict.code is None:
        return _one_number(got, want, n, mean)
    return NOT_THE_SLOPE


def compare(got, want, n, mean):
    """None if the learner's gradients `got` match the finite differences `want` (dicts of
    arrays); otherwise one message saying which arrays are right and how the others are wrong."""
    wrong = [
        k
        for k in want
        if not np.allclose(
            got[k],
            want[k],
            rtol=1e-5,  # pragma: no mutate (allclose's default: dropping it is the same call)
            atol=1e-7,
        )
    ]
    if not wrong:
        return None
    right = [k for k in want if k not in wrong]
    groups = {}
    for k in wrong:
        groups.setdefault(how_wrong(got[k], want[k], n, mean), []).append(k)
    parts = [f"{', '.join(right)} right"] if right else []
    parts += [f"{', '.join(keys)}: {phrase}" for phrase, keys in groups.items()]
    return "; ".join(parts) + "."


def check_gradient_function(fn, program, name, scale=1.0):  # pragma: no mutate
    """fn(params, X, y) -> dict of gradients, compared with finite differences of
    `program.loss` at each of its cases; None when right, else a `Feedback`."""
    for params, X, y in program.cases(scale):
        got = call(fn, (params, X, y), name)
        got = as_params(got, {k: v.shape for k, v in params.items()}, f"what {name} returned")
        want = fd_gradient(program.loss, params, X, y)
        problem = compare(got, want, len(X), program.mean)
        if problem:
            return Feedback(False, f"with {len(X)} sample(s): {problem}")
    return None


def check_step_function(fn, program, name, lr, extra=(), scale=1.0):  # pragma: no mutate
    """fn(params, X, y, lr, *extra) -> new params: one gradient-descent step on
    `program.loss`; None when right, else a `Feedback`."""
    for params, X, y in program.cases(scale):
        new = call(fn, (params, X, y, lr, *extra), name)
        new = as_params(new, {k: v.shape for k, v in params.items()}, f"what {name} returned")
        if all(np.array_equal(new[k], params[k]) for k in params):
            return Feedback(False, f"{name} returned the params unchanged: apply the step.")
        implied = {k: (params[k] - new[k]) / lr for k in params}
        want = fd_gradient(program.loss, params, X, y)
        problem = compare(implied, want, len(X), program.mean)
        if problem:
            return Feedback(
                False, f"the step it takes, as (old - new) / lr, with {len(X)} sample(s): {problem}"
            )
    return None
