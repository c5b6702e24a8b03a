"""Self-checks of the chapter "Field guide: when your own network will not learn"
(field-guide): the factor the doctor reports for a sum, a planted sign flip the doctor must
find, and an adapter through which it finds a correct network healthy.

`numbers(seed)` gives the numbers of these exercises: seed 0 the chapter's own (XOR's four
samples; `MLP((2, 3, 1), seed=1)` with W2 flipped; the class with 3 hidden units, start 11 and
rate 0.3), any other seed one student's (see `variants`). Each check takes them as `numbers=`
(None: the chapter's)."""

import numpy as np

from ..core.data import xor
from ..doctor.report import doctor
from . import variants
from .guard import Feedback, Refused, describe, judge_number

RATES = (0.1, 0.2, 0.5, 0.7, 1.5)
"""A student's class's learning rate: never the chapter's 0.3, nor the 1.0 exercise 3 tries."""


def numbers(seed: int) -> dict:
    """The numbers of the exercises for `seed` (0: the chapter's): for exercise 1 the number
    `n` of samples; for exercise 2 the network `MLP((2, units, 1), seed=net_seed)` and the
    array `flip` whose gradient is negated ("W1" or "b1" for a student: the doctor reads a
    flip of one-entry b2 as a wrong gradient); for exercise 3 the class's hidden `width`, its
    `start` (the seed of its weights) and its `rate`, drawn again until the doctor finds the
    class healthy (a correct class can still stall on XOR from some starts)."""
    if seed == 0:
        return {"n": 4, "units": 3, "net_seed": 1, "flip": "W2", "width": 3, "start": 11,
                "rate": 0.3}  # fmt: skip
    rng = np.random.default_rng(seed)
    picked = {
        "n": int(rng.integers(5, 65)),
        "units": int(rng.integers(2, 7)),
        "net_seed": int(rng.integers(2, 1000)),
        "flip": str(rng.choice(("W1", "b1"))),
    }
    while True:
        column = {
            "width": int(rng.integers(3, 7)),
            "start": int(rng.integers(12, 1000)),
            "rate": float(rng.choice(RATES)),
        }
        if doctor(**column_adapter(**column)).healthy:
            return {**picked, **column}


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def column_start(width, start):
    """The weights exercise 3's class starts from, as its __init__ draws them: U (width, 2),
    u (width, 1), v (1, width), c (1, 1)."""
    rng = np.random.default_rng(start)
    U, u = rng.normal(0, 1, (width, 2)), np.zeros((width, 1))
    return {"U": U, "u": u, "v": rng.normal(0, 1, (1, width)), "c": np.zeros((1, 1))}


def column_adapter(width, start, rate):
    """The doctor's arguments for exercise 3's class (a tanh/sigmoid 2-width-1 net on XOR, mean
    BCE, samples as columns), written out here: its start, loss, gradient and predictions."""
    X, y = xor()

    def output(p, A):  # A: (2, n) -> ((width, n) hidden, (1, n) output)
        hid = np.tanh(p["U"] @ A + p["u"])
        return hid, 1 / (1 + np.exp(-(p["v"] @ hid + p["c"])))

    def loss(p):
        q = np.clip(output(p, X.T)[1].T, 1e-12, 1 - 1e-12)
        return float(np.mean(-y * np.log(q) - (1 - y) * np.log(1 - q)))

    def grad(p):
        hid, out = output(p, X.T)
        e = (out - y.T) / len(X)
        back = (p["v"].T @ e) * (1 - hid**2)
        return {"U": back @ X, "u": back.sum(1, keepdims=True), "v": e @ hid.T,
                "c": e.sum(1, keepdims=True)}  # fmt: skip

    return dict(params=column_start(width, start), loss=loss, grad=grad, X=X, y=y, lr=rate,
                predict=lambda p, Z: output(p, Z.T)[1].T)  # fmt: skip


def check_sum_factor(value, n=None, numbers=None):
    """The factor the doctor reports when a gradient sums over the n samples a mean-loss's
    gradient averages over: yours / true (n: the `n` of `numbers`, the chapter's 4)."""
    n = _mine(numbers)["n"] if n is None else n
    mistakes = [
        (1 / n, "that is true / yours; the doctor reports yours / true, and yours is larger."),
        (1.0, "a ratio of 1 means no error; the sum is not the mean."),
    ]
    if n != 4:
        mistakes.append((4.0, "that is XOR's n; count the samples of your data set."))
    return judge_number(
        value,
        n,
        "the factor",
        "it matches the doctor's constant factor.",
        "How does a sum of n terms relate to their mean?",
        mistakes,
        rtol=1e-6,
    )


def _doctor(case):
    """The doctor's diagnosis of the keyword arguments `case`, or `Refused` if it cannot run."""
    try:
        return doctor(**case)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        raise Refused(f"the doctor could not run it: {type(exc).__name__}: {exc}") from None


def check_sign_flip_w2(case, numbers=None):
    """Check doctor keyword arguments `case` whose gradient makes the doctor report one
    finding: a sign flip in the array `flip` of `numbers` (the chapter's: W2) and in no other.
    With `numbers`, the params must be those of `MLP((2, units, 1))`."""
    flip = _mine(numbers)["flip"]
    if not isinstance(case, dict):
        return Feedback(
            False, f"pass the dict of doctor's keyword arguments, got {describe(case)}."
        )
    if numbers is not None:
        units = numbers["units"]
        params = case.get("params")
        if not isinstance(params, dict) or np.shape(params.get("W1")) != (2, units):
            return Feedback(False, f"start from your network, xl.MLP((2, {units}, 1), ...).")
    diagnosis = _doctor(case)
    if diagnosis.codes == ["sign_flip"] and diagnosis.findings[0].title.endswith(f" in {flip}"):
        return Feedback(True, f"the doctor reports a sign flip in {flip} and nothing else.")
    if diagnosis.healthy:
        return Feedback(False, "the doctor found nothing: your gradient is still the true one.")
    if "sign_flip" in diagnosis.codes:
        title = diagnosis.findings[0].title
        return Feedback(False, f"a sign flip, but not in {flip} alone: {title}.")
    titles = "; ".join(f.title for f in diagnosis.findings)
    return Feedback(False, f"the doctor found something else: {titles}.")


check_sign_flip = check_sign_flip_w2


def _unhealthy_adapter(codes, findings):
    """The feedback on an adapter through which the doctor reports `codes` (a set)."""
    if "constant_scale" in codes:
        why = "the implied gradient is off by a constant: pass implied_gradient the same lr"
        return Feedback(False, why + " the update uses.")
    if "sign_flip" in codes or "update_climbs" in codes:
        return Feedback(False, "the gradient points uphill: it is (before - after) / lr.")
    if codes & {"wrong_gradient", "data_factor", "zero_gradient"}:
        return Feedback(
            False,
            "loss and grad disagree: do both read the params they are given, through the same "
            "network?",
        )
    return Feedback(False, f"the doctor reports: {findings[0].title}.")


def _starts_as(params, start):
    """Whether the arrays of `params` (a dict) are the arrays of `start`, whatever their keys."""
    arrays = [np.asarray(v, dtype=float) for v in params.values()]
    return len(arrays) == len(start) and all(
        any(a.shape == w.shape and np.allclose(a, w) for a in arrays) for w in start.values()
    )


def check_adapter(adapter, numbers=None):
    """Check an adapter for class-based code: doctor keyword arguments `adapter` (params, loss,
    grad, X, y, and predict) for a *correct* network, which the doctor must find healthy
    without the adapter changing the params. With `numbers`, the params must be where the
    exercise's class starts (`column_start` of its `width` and `start`)."""
    needed = ("params", "loss", "grad", "predict", "X", "y")
    if not isinstance(adapter, dict) or any(k not in adapter for k in needed):
        return Feedback(False, f"the adapter must be a dict with the keys {list(needed)}.")
    if not isinstance(adapter["params"], dict):
        return Feedback(False, "adapter['params'] must be a dict of arrays.")
    before = {k: np.array(v, dtype=float, copy=True) for k, v in adapter["params"].items()}
    if numbers is not None:
        m = _mine(numbers)
        if not _starts_as(before, column_start(m["width"], m["start"])):
            return Feedback(False, "the params are not where your ColumnNet() starts.")
    diagnosis = _doctor(adapter)
    if any(not np.array_equal(before[k], adapter["params"][k]) for k in before):
        return Feedback(False, "the params changed: let the update work on a copy of the net.")
    if diagnosis.healthy:
        return Feedback(True, "the doctor finds the network healthy through your adapter.")
    return _unhealthy_adapter(set(diagnosis.codes), diagnosis.findings)
