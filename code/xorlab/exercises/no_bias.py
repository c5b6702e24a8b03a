"""Self-checks of the chapter "The two-neuron net that cannot learn the identity"
(case-no-bias): the bias-free 1-1-1 chain's output at 0, its loss infimum, hand-chosen chain
parameters, the reachable pairs, and one corrected step of the question's program."""

import numpy as np

from ..cases.no_bias import QUIZ_PAIRS, chain_forward, identity_loss, no_bias_weights
from ..core.activations import sigmoid
from . import variants
from .gradients import compare
from .guard import (
    Feedback,
    Refused,
    as_array,
    as_number,
    call,
    describe,
    judge_number,
    refuse_reference,
)
from .references import chain_loss, fd_gradient

_CHAIN_KEYS = {True: ("W1", "b1", "W2", "b2"), False: ("W1", "W2"), "output": ("W1", "W2", "b2")}


def check_f0(value, numbers=None):
    """f(0) of the bias-free 1-1-1 chain with the weights `w1`, `w2` of `numbers` (None: the
    chapter's, w1 = 7, w2 = -4), to four decimals."""
    w1, w2 = (_mine(numbers)[k] for k in ("w1", "w2"))
    return judge_number(
        value,
        float(sigmoid(w2 * sigmoid(0.0))),
        "f(0)",
        "it matches the chain's output at x = 0.",
        "At x = 0, what does the hidden neuron output, whatever w1 is?",
        [(float(sigmoid(w2 * sigmoid(w1))), "that uses h = sigmoid(w1); at x = 0 it is not.")],
        rtol=5e-4,
    )


def check_pm_one_infimum(value):
    """The infimum of the MSE of the bias-free 1-1-1 chain on x in {-1, +1}, targets 0 and 1."""
    return judge_number(
        value,
        0.125,
        "the infimum",
        "it matches the bound, and the grid approaches it.",
        "Where must f(-1) and f(+1) lie, relative to 1/2, and what does each then cost?",
        [(0.25, "that is the loss at f = 1/2 on both inputs; one output can do better.")],
    )


def _identity_verdict(f0, f1, bias):
    """The feedback on chain outputs f(0), f(1) for the identity task."""
    loss = float(identity_loss(f0, f1))
    where = f"f(0) = {f0:.3f}, f(1) = {f1:.3f}, loss {loss:.2g}"
    if loss < 0.01:  # pragma: no mutate
        return Feedback(True, f"{where} < 0.01.")
    if bias is False:
        why = "no bias-free weights can: f(0) and f(1) always lie on the same side of 1/2"
        return Feedback(False, f"{where}; {why}.")
    if f0 >= 0.5:
        return Feedback(
            False,
            f"{where}: f(0) is on the wrong side of 1/2; the output unit's input at x = 0 must "
            "be strongly negative.",
        )
    if f1 <= 0.5:
        return Feedback(
            False,
            f"{where}: f(1) is on the wrong side of 1/2; the output unit's input at x = 1 must "
            "be strongly positive.",
        )
    return Feedback(
        False,
        f"{where}: both outputs are on the right side of 1/2 but not close enough; scale the "
        "weights and biases up.",
    )


def check_identity_params(params, bias=True):
    """Check hand-chosen parameters of the 1-1-1 sigmoid chain learn the identity task (x = 0 -> 0,
    x = 1 -> 1) with mean squared error below 0.01. bias: True (W1, b1, W2, b2), False (W1, W2)
    or "output" (W1, W2, b2). Each value is a number or an array with one entry."""
    if bias not in _CHAIN_KEYS:
        return Feedback(False, f"bias must be True, False or 'output', got {describe(bias)}.")
    keys = _CHAIN_KEYS[bias]
    if not isinstance(params, dict):
        return Feedback(False, f"params must be a dict with keys {list(keys)}.")
    if set(params) != set(keys):
        return Feedback(False, f"with bias={bias!r} params needs exactly {list(keys)}.")
    values = {k: as_number(params[k], k) for k in keys}
    f0, f1 = (float(f) for f in chain_forward(values, [0.0, 1.0]))
    return _identity_verdict(f0, f1, bias)


def check_bias_free_choices(answer, numbers=None):
    """Check the letters of the `pairs` of `numbers` (None: the chapter's,
    `cases.no_bias.QUIZ_PAIRS`) a bias-free 1-1-1 chain can output exactly, given as a string
    ("AC") or a collection of letters. Says how many letters are wrong, never which: the
    criterion is the lesson."""
    pairs = _mine(numbers)["pairs"]
    if answer is None or not isinstance(answer, (str, list, tuple, set, frozenset)):
        return Feedback(False, f'give the letters as a string like "AB", got {describe(answer)}.')
    chosen = {str(a).strip().upper() for a in answer} - {"", ","}
    if not chosen:
        return Feedback(False, "choose at least one letter.")
    unknown = chosen - set(pairs)
    if unknown:
        return Feedback(False, f"{sorted(unknown)} are not options; choose from {sorted(pairs)}.")
    truth = {k for k, (f0, f1) in pairs.items() if no_bias_weights(f0, f1)}
    extra, missed = len(chosen - truth), len(truth - chosen)
    if not extra and not missed:
        return Feedback(True, "exactly the reachable pairs.")
    parts = [f"{extra} of your letters cannot be reached"] if extra else []
    parts += [f"{missed} reachable pair(s) are missing"] if missed else []
    return Feedback(
        False,
        "; ".join(parts) + ". For each pair: are f(0) and f(1) on the same side of 1/2, and how "
        "does logit f(1) compare with logit f(0)?",
    )


def check_climb_step(fn):
    """Check `fn(w, x, target, rate) -> new w`: one corrected step of the question's program,
    the 1-1-1 sigmoid chain *with* biases, w = [w1, b1, w2, b2] (4,), x and target (n,),
    E = 1/2 sum (target - out)^2, new w = w - rate dE/dw."""
    rng = np.random.default_rng(5)
    cases = [(np.array([0.0, 1.0]), np.array([0.0, 1.0]), 5.0)]  # pragma: no mutate
    cases.append((np.array([-1.0, 0.5, 2.0]), np.array([0.2, 0.9, 0.4]), 0.7))  # pragma: no mutate
    for x, t, rate in cases:
        w = rng.normal(size=4)
        new = as_array(call(fn, (w, x, t, rate), "your climb_step"), (4,), "what it returned")
        if np.array_equal(new, w):
            return Feedback(False, "climb_step returned w unchanged: apply the step.")
        implied = {"w": (w - new) / rate}
        want = fd_gradient(chain_loss, {"w": w}, x, t)
        problem = compare(implied, want, len(x), mean=False)
        if problem:
            entries = np.flatnonzero(~np.isclose(implied["w"], want["w"], rtol=1e-5, atol=1e-7))
            names = ", ".join(("w1", "b1", "w2", "b2")[i] for i in entries)
            return Feedback(
                False, f"with x = {x.tolist()}: the step for {names} is not -rate dE/dw; {problem}"
            )
    return Feedback(True, "each step is gradient descent on E, biases included.")


# --- per-student numbers, and the inverse of the bias-free chain ----------------------------


def _mine(given):
    """The numbers a check uses: `given` (a student's dict) or the chapter's own."""
    return variants.checked(given, numbers)


def _logit(f):
    return float(np.log(f) - np.log1p(-f))


def _reachable(f0, f1):
    """Whether the bias-free chain outputs exactly (f0, f1): logit f1 = r logit f0, 0 < r < 2,
    or f0 = f1 = 1/2."""
    u0, u1 = _logit(f0), _logit(f1)
    return (u0 == 0 and u1 == 0) or (u0 != 0 and 0 < u1 / u0 < 2)


def _student_pairs(rng):
    """Six (f(0), f(1)) pairs, two decimals each, under the letters A to F: each reachable,
    across 1/2, or on one side with a logit ratio above 2; the ratio of a pair on one side is
    at least 0.15 from 0 and 2, so rounding never decides it."""
    pairs = {}
    while len(pairs) < 6:
        f0 = round(float(rng.uniform(0.05, 0.95)), 2)
        kind = rng.integers(4)  # 0, 1: reachable; 2: across 1/2; 3: ratio above 2
        if kind == 2:
            f1 = round(float(rng.uniform(0.05, 0.45) if f0 > 0.5 else rng.uniform(0.55, 0.95)), 2)
        else:
            r = rng.uniform(2.3, 4.0) if kind == 3 else rng.uniform(0.2, 1.8)
            f1 = round(float(sigmoid(r * _logit(f0))), 2)
        if abs(f0 - 0.5) < 0.05 or not 0 < f1 < 1 or abs(f1 - 0.5) < 0.03:
            continue
        r = _logit(f1) / _logit(f0)
        if min(abs(r), abs(r - 2)) > 0.15:
            pairs["ABCDEF"[len(pairs)]] = (f0, f1)
    return pairs


def numbers(seed):
    """The numbers of this chapter's exercises for `seed` (0: the chapter's own): the weights
    `w1`, `w2` of exercise 1 and the six `pairs` {letter: (f(0), f(1))} of exercise 3, where
    the new exercise's function is also tried."""
    if seed == 0:
        return {"w1": 7, "w2": -4, "pairs": dict(QUIZ_PAIRS)}
    rng = np.random.default_rng(seed)
    w1 = int(rng.integers(2, 10))
    w2 = int(rng.choice((-6, -5, -3, -2, 2, 3, 5, 6)))  # never the chapter's -4
    while True:
        pairs = _student_pairs(rng)
        right = {k for k, pair in pairs.items() if _reachable(*pair)}
        if right and right != set(pairs) and right != {"A", "C", "E"}:
            return {"w1": w1, "w2": w2, "pairs": pairs}


def _ask(fn, f0, f1):
    """The learner's bias_free_weights(f0, f1): None, or a (2,) array (NaN allowed, for the
    message); `Refused` for anything else."""
    if fn is None or not callable(fn):
        raise Refused("bias_free_weights must be a function: define it, run its cell.")
    refuse_reference(fn, "your bias_free_weights")
    try:
        with np.errstate(all="ignore"):
            got = fn(f0, f1)
    except NotImplementedError:
        raise Refused("bias_free_weights is still the stub: write its body.") from None
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        raise Refused(f"bias_free_weights({f0}, {f1}) raised {type(exc).__name__}: {exc}") from None
    if got is None:
        return None
    try:
        w = np.array(got, dtype=float)
    except (TypeError, ValueError):
        w = None
    if w is None or w.shape != (2,):
        raise Refused(f"bias_free_weights({f0}, {f1}) must return (w1, w2) or None.")
    return w


CASES = (
    ((0.2, 0.3), "reachable below 1/2"),
    ((0.8, 0.9), "reachable above 1/2"),
    ((0.5, 0.5), "(0.5, 0.5) is reachable: w2 = 0, with any w1."),
    ((0.1, 0.9), "f(0) and f(1) on opposite sides of 1/2 cannot be reached: return None."),
    ((0.7, 0.95), "a logit ratio of 2 or more needs sigma(w1) >= 1, which no finite w1 gives: "
     "return None."),
    ((0.5, 0.7), "f(0) = 1/2 forces w2 = 0, and then f(1) = 1/2 as well: return None."),
    ((0.7, 0.5), "f(1) = 1/2 with f(0) away from it needs sigma(w1) = 0: return None."),
)  # fmt: skip
"""The pairs the self-check tries: (f0, f1), and what to say when the answer is wrong there."""


def check_bias_free_weights(fn):
    """Check `fn(f0, f1)` -> (w1, w2) with which the bias-free 1-1-1 chain outputs exactly
    f(0) = f0 and f(1) = f1, or None when no weights can."""
    for (f0, f1), why in CASES:
        got = _ask(fn, f0, f1)
        if _reachable(f0, f1) and got is None:
            return Feedback(False, f"it returned None for ({f0}, {f1}); " + (
                why if f0 == f1 == 0.5 else "that pair is reachable."))  # fmt: skip
        if not _reachable(f0, f1) and got is not None:
            return Feedback(False, f"it returned weights for ({f0}, {f1}): {why}")
        if got is None:
            continue
        if not np.isfinite(got).all():
            return Feedback(False, f"its weights for ({f0}, {f1}) are NaN or infinite.")
        out = chain_forward({"W1": got[0], "W2": got[1]}, [0.0, 1.0])
        if np.allclose(out, (f0, f1), rtol=0, atol=1e-9):
            continue
        said = f"its weights for ({f0}, {f1}) give f(0) = {out[0]:.4f}, f(1) = {out[1]:.4f}"
        if not np.isclose(out[0], f0, atol=1e-9):
            return Feedback(False, f"{said}: at x = 0 the hidden unit outputs 1/2, whatever w1.")
        return Feedback(False, f"{said}: f(1) is sigma(w2 sigma(w1)).")
    return Feedback(True, "it finds weights for every reachable pair and None for the rest.")
