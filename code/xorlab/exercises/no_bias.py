"""Self-checks of the chapter "The two-neuron net that cannot learn the identity"
(case-no-bias): the bias-free 1-1-1 chain's output at 0, its loss infimum, hand-chosen chain
parameters, the reachable pairs, and one corrected step of the question's program."""

import numpy as np

from ..cases.no_bias import QUIZ_PAIRS, chain_forward, identity_loss, no_bias_weights
from ..core.activations import sigmoid
from .gradients import compare
from .guard import Feedback, as_array, as_number, call, describe, judge_number
from .references import chain_loss, fd_gradient

_CHAIN_KEYS = {True: ("W1", "b1", "W2", "b2"), False: ("W1", "W2"), "output": ("W1", "W2", "b2")}


def check_f0(value):
    """f(0) of the bias-free 1-1-1 chain with w1 = 7, w2 = -4, to four decimals."""
    want = float(sigmoid(-4.0 * sigmoid(0.0)))
    return judge_number(
        value,
        want,
        "f(0)",
        "it matches the chain's output at x = 0.",
        "At x = 0, what does the hidden neuron output, whatever w1 is?",
        [(float(sigmoid(-4.0 * sigmoid(7.0))), "that uses h = sigmoid(w1); at x = 0 it is not.")],
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


def check_bias_free_choices(answer):
    """Check the letters of `cases.no_bias.QUIZ_PAIRS` a bias-free 1-1-1 chain can output
    exactly, given as a string ("AC") or a collection of letters. Says how many letters are
    wrong, never which: the criterion is the lesson."""
    if answer is None or not isinstance(answer, (str, list, tuple, set, frozenset)):
        return Feedback(False, f'give the letters as a string like "AB", got {describe(answer)}.')
    chosen = {str(a).strip().upper() for a in answer} - {"", ","}
    if not chosen:
        return Feedback(False, "choose at least one letter.")
    unknown = chosen - set(QUIZ_PAIRS)
    if unknown:
        return Feedback(
            False, f"{sorted(unknown)} are not options; choose from {sorted(QUIZ_PAIRS)}."
        )
    truth = {k for k, (f0, f1) in QUIZ_PAIRS.items() if no_bias_weights(f0, f1)}
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
