"""Self-checks of the chapter "The two-neuron net that cannot learn the identity"
(case-no-bias): the bias-free 1-1-1 chain's output at 0, its loss infimum, hand-chosen chain
parameters, the reachable pairs, and one corrected step of the question's program."""

import numpy as np

from ..cases.no_bias import QUIZ_PAIRS, chain_forward, no_bias_weights
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


def check_pm_one_infimum(value, numbers=None):
    """The infimum of the mean squared error of the bias-free 1-1-1 chain on x in {-1, +1},
    targets 0 and 1, each input repeated as often as `pm_counts` of `numbers` says (None: the
    chapter's, once each)."""
    minus, plus = _mine(numbers)["pm_counts"]
    total = minus + plus
    return judge_number(
        value,
        min(minus, plus) / (4 * total),
        "the infimum",
        "it matches the bound, and the grid approaches it.",
        "Where must f(-1) and f(+1) lie, relative to 1/2, and what does each then cost?",
        [
            (0.25, "that is the loss at f = 1/2 on both inputs; one output can do better."),
            (max(minus, plus) / (4 * total), "that leaves the more frequent input at 1/2."),
            (0.125, "that counts each input once; count them as your data set does."),
        ],
    )


def _task_loss(outs, targets):
    """Half the summed squared error of the outputs on the task's two inputs (the chapter's
    `identity_loss` on the identity task)."""
    return 0.5 * float(sum((f - t) ** 2 for f, t in zip(outs, targets)))


def _identity_verdict(outs, task, bias):
    """The feedback on chain outputs `outs` at the task's two inputs."""
    inputs, targets = task["inputs"], task["targets"]
    loss = _task_loss(outs, targets)
    said = [f"f({x:g}) = {f:.3f}" for x, f in zip(inputs, outs)]
    where = f"{', '.join(said)}, loss {loss:.2g}"
    if loss < 0.01:  # pragma: no mutate
        return Feedback(True, f"{where} < 0.01.")
    if bias is False:
        a, b = (f"f({x:g})" for x in inputs)
        why = f"no bias-free weights can: {a} and {b} always lie on the same side of 1/2"
        return Feedback(False, f"{where}; {why}.")
    for x, f, t in zip(inputs, outs, targets):
        if (f >= 0.5) if t == 0 else (f <= 0.5):
            sign = "negative" if t == 0 else "positive"
            return Feedback(
                False,
                f"{where}: f({x:g}) is on the wrong side of 1/2; the output unit's input at "
                f"x = {x:g} must be strongly {sign}.",
            )
    return Feedback(
        False,
        f"{where}: both outputs are on the right side of 1/2 but not close enough; scale the "
        "weights and biases up.",
    )


def check_identity_params(params, bias=True, numbers=None):
    """Check hand-chosen parameters of the 1-1-1 sigmoid chain solve the `task` of `numbers`
    (None: the chapter's identity task, x = 0 -> 0, x = 1 -> 1) with half the summed squared
    error below 0.01. bias: True (W1, b1, W2, b2), False (W1, W2) or "output" (W1, W2, b2).
    Each value is a number or an array with one entry."""
    task = _mine(numbers)["task"]
    if bias not in _CHAIN_KEYS:
        return Feedback(False, f"bias must be True, False or 'output', got {describe(bias)}.")
    keys = _CHAIN_KEYS[bias]
    if not isinstance(params, dict):
        return Feedback(False, f"params must be a dict with keys {list(keys)}.")
    if set(params) != set(keys):
        return Feedback(False, f"with bias={bias!r} params needs exactly {list(keys)}.")
    values = {k: as_number(params[k], k) for k in keys}
    outs = [float(f) for f in chain_forward(values, list(task["inputs"]))]
    return _identity_verdict(outs, task, bias)


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


CLIMB_CHAPTER = {"hidden": "sigmoid", "error": "1/2 sum"}
"""The network and error of exercise 6 in the chapter (the question's program)."""
ERRORS = {"1/2 sum": (0.5, False), "sum": (1.0, False), "mean": (1.0, True),
          "1/2 mean": (0.5, True)}  # fmt: skip
"""Each error E = c sum (target - out)^2, or c times the mean: (c, a mean)."""


def climb_loss(hidden, error):
    """E(params, x, target) of the 1-1-1 chain with biases, `hidden` units ("sigmoid" or
    "tanh") and a sigmoid output; params {"w": [w1, b1, w2, b2]} (4,), x and target (n,)."""
    c, mean = ERRORS[error]

    def loss(params, x, target):
        w1, b1, w2, b2 = params["w"]
        a = w1 * x + b1
        h = np.tanh(a) if hidden == "tanh" else sigmoid(a)
        out = sigmoid(w2 * h + b2)
        squares = (target - out) ** 2
        return float(c * (squares.mean() if mean else squares.sum()))

    return loss


def _climb_failure(fn, loss, mean):
    """None if fn's steps are gradient descent on `loss`, else the message."""
    rng = np.random.default_rng(5)
    cases = [(np.array([0.0, 1.0]), np.array([0.0, 1.0]), 5.0)]  # pragma: no mutate
    cases.append((np.array([-1.0, 0.5, 2.0]), np.array([0.2, 0.9, 0.4]), 0.7))  # pragma: no mutate
    for x, t, rate in cases:
        w = rng.normal(size=4)
        new = as_array(call(fn, (w, x, t, rate), "your climb_step"), (4,), "what it returned")
        if np.array_equal(new, w):
            return "climb_step returned w unchanged: apply the step."
        implied = {"w": (w - new) / rate}
        want = fd_gradient(loss, {"w": w}, x, t)
        problem = compare(implied, want, len(x), mean=mean)
        if problem:
            entries = np.flatnonzero(~np.isclose(implied["w"], want["w"], rtol=1e-5, atol=1e-7))
            names = ", ".join(("w1", "b1", "w2", "b2")[i] for i in entries)
            return f"with x = {x.tolist()}: the step for {names} is not -rate dE/dw; {problem}"
    return None


def check_climb_step(fn, numbers=None):
    """Check `fn(w, x, target, rate) -> new w`: one corrected step of the question's program,
    the 1-1-1 chain *with* biases, w = [w1, b1, w2, b2] (4,), x and target (n,), the hidden
    units and the error E of `numbers` (None: the chapter's, sigmoid units and
    E = 1/2 sum (target - out)^2), new w = w - rate dE/dw."""
    m = _mine(numbers)
    own = all(m[k] == v for k, v in CLIMB_CHAPTER.items())
    failed = _climb_failure(fn, climb_loss(m["hidden"], m["error"]), ERRORS[m["error"]][1])
    if failed and not own:
        if _climb_failure(fn, chain_loss, False) is None:
            return Feedback(
                False,
                "that is a step of the question's chain (sigmoid units, E = 1/2 sum); yours "
                "has the hidden units and the error of your numbers.",
            )
    if failed:
        return Feedback(False, failed)
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


CHAPTER = {
    "w1": 7,  # exercise 1
    "w2": -4,
    "pm_counts": (1, 1),  # exercise 2: how often x = -1 and x = +1 appear
    "pairs": dict(QUIZ_PAIRS),  # exercise 3 (and 7)
    "task": {"inputs": (0.0, 1.0), "targets": (0, 1)},  # exercises 4 and 5: x -> target
    **CLIMB_CHAPTER,  # exercise 6
}
TASK_INPUTS = (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0)


PAGE_ANSWERS = (
    {"W1": 10.0, "b1": -5.0, "W2": 20.0, "b2": -10.0},
    {"W1": 10.0, "W2": 20.0, "b2": -15.0},
)
"""The chapter's model answers to exercises 4 and 5, which no student's task accepts."""


def _student_task(rng):
    """Two different inputs and opposite targets that neither of the chapter's answers
    solves."""
    while True:
        inputs = tuple(float(x) for x in rng.choice(TASK_INPUTS, size=2, replace=False))
        targets = (0, 1) if rng.integers(2) else (1, 0)
        losses = [_task_loss(chain_forward(q, list(inputs)), targets) for q in PAGE_ANSWERS]
        if min(losses) >= 0.01:
            return {"inputs": inputs, "targets": targets}


def numbers(seed):
    """The numbers of this chapter's exercises for `seed` (0: the chapter's own, `CHAPTER`):
    the weights `w1`, `w2` of exercise 1, the `pm_counts` of exercise 2, the six `pairs`
    {letter: (f(0), f(1))} of exercise 3 (where the new exercise's function is also tried),
    the `task` of exercises 4 and 5 (two inputs and their targets), and the `hidden` units
    and the `error` of exercise 6 (see `climb_loss`)."""
    if seed == 0:
        return {**CHAPTER, "pairs": dict(QUIZ_PAIRS), "task": dict(CHAPTER["task"])}
    rng = np.random.default_rng(seed)
    w1 = int(rng.integers(2, 10))
    w2 = int(rng.choice((-6, -5, -3, -2, 2, 3, 5, 6)))  # never the chapter's -4
    while True:
        pairs = _student_pairs(rng)
        right = {k for k, pair in pairs.items() if _reachable(*pair)}
        if right and right != set(pairs) and right != {"A", "C", "E"}:
            break
    minus, plus = (int(c) for c in rng.choice(np.arange(1, 7), size=2, replace=False))
    climb = dict(CLIMB_CHAPTER)
    while climb == CLIMB_CHAPTER:  # never the chapter's: its step is on the page
        climb = {"hidden": str(rng.choice(["sigmoid", "tanh"])),
                 "error": str(rng.choice(list(ERRORS)))}  # fmt: skip
    return {"w1": w1, "w2": w2, "pm_counts": (minus, plus), "pairs": pairs,
            "task": _student_task(rng), **climb}  # fmt: skip


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
