"""The answer guard (xorlab.exercises.guard), as a learner meets it through the self-checks:
each refusal names the problem and the variable it found it in, xorlab's own functions are
refused however they are wrapped or hidden, the learner's own code is judged on its merits, and
a learner's function cannot disturb the check by writing into its inputs or by warning.

Reference answers here are written independently of xorlab (plain numpy)."""

import functools
import types
import warnings

import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import guard

C = xl.checks


def sig(z):
    return 1 / (1 + np.exp(-z))


def mean_bce_grad(p, y):
    """dL/dp of the mean binary cross-entropy, p and y: (n, 1)."""
    return (p - y) / (p * (1 - p)) / len(p)


def climb_step(w, x, t, rate):
    """One step of gradient descent on E = 1/2 sum (t - out)^2 of the 1-1-1 sigmoid chain with
    biases, w = [w1, b1, w2, b2] (4,), x and t (n,); it writes the step into w itself."""
    h = sig(w[0] * x + w[1])
    out = sig(w[2] * h + w[3])
    d2 = (out - t) * out * (1 - out)
    d1 = d2 * w[2] * h * (1 - h)
    w -= rate * np.array([(d1 * x).sum(), d1.sum(), (d2 * h).sum(), d2.sum()])
    return w


def fixed_epoch(params, X, y, lr):
    """One pass of per-sample steps on 1/2 (p - y)^2 of the 2-h-1 sigmoid net; it updates the
    arrays of `params` in place and returns the same dict."""
    for i in range(len(X)):
        x, t = X[i : i + 1], y[i : i + 1]
        h = sig(x @ params["W1"] + params["b1"])
        p = sig(h @ params["W2"] + params["b2"])
        d2 = (p - t) * p * (1 - p)
        d1 = (d2 @ params["W2"].T) * h * (1 - h)
        grads = {"W1": x.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}
        for k in params:
            params[k] -= lr * grads[k]
    return params


# --- a number that cannot be read: the message names the variable and the problem -------------


@pytest.mark.parametrize(
    "value, words",
    [
        (None, ["the slope is None", "store your number"]),
        (True, ["the slope is True", "truth value"]),
        ("0.25", ["the slope is the string '0.25'", "not text"]),
        ({"a": 1}, ["the slope must be a number", "{'a': 1}"]),
        ([0.25, 0.5], ["the slope must be one number", "(2,)"]),
        (float("nan"), ["the slope is NaN"]),
        (float("inf"), ["the slope is infinite", "overflowed"]),
        (-np.inf, ["the slope is infinite"]),
    ],
)
def test_unreadable_numbers_are_named(value, words):
    verdict = C.check_number(value, 0.25, "the slope")
    assert not verdict
    for word in words:
        assert word in verdict.message, verdict.message


def test_check_number_speaks_of_your_answer():
    assert str(C.check_number(0.25, 0.25)) == "Correct. your answer matches."
    assert str(C.check_number(0.5, 0.25)) == (
        "Not yet. your answer = 0.5 is not it. Go back over the steps that lead to it."
    )
    assert str(C.check_number(None, 0.25)).startswith("Not yet. your answer is None")


# --- arrays and dicts of arrays: the message names the entry ------------------------------------


SOLVING = {"W1": [[6.0, -6.0], [-6.0, 6.0]], "b1": [-3.0, -3.0], "W2": [[8.0], [8.0]], "b2": [-4.0]}


def test_hand_weights_that_solve_xor_pass():  # the base of the malformed ones below
    assert C.check_xor_weights(SOLVING)


@pytest.mark.parametrize(
    "w1, words",
    [
        (None, ["params['W1'] is None", "shape (2, 2)"]),
        ("[[6, -6], [-6, 6]]", ["params['W1'] is a string", "shape (2, 2)"]),
        ([[6.0, -6.0], [-6.0]], ["params['W1'] cannot be read", "ragged"]),
        ([6.0, -6.0], ["params['W1'] has shape (2,)", "must be (2, 2)"]),
        ([[6.0, np.nan], [-6.0, 6.0]], ["params['W1'] contains NaN or inf"]),
        ([[6.0, None], [-6.0, 6.0]], ["params['W1'] contains NaN or inf"]),  # None in a list
    ],
)
def test_malformed_weights_are_named(w1, words):
    verdict = C.check_xor_weights({**SOLVING, "W1": w1})
    assert isinstance(verdict, C.Feedback) and not verdict
    for word in words:
        assert word in verdict.message, verdict.message


@pytest.mark.parametrize(
    "params, words",
    [
        ([1, 2], ["params must be a dict with keys ['W1', 'b1', 'W2', 'b2']", "got [1, 2]"]),
        ({"W1": SOLVING["W1"]}, ["params is missing ['b1', 'W2', 'b2']"]),
    ],
)
def test_malformed_dicts_are_named(params, words):
    verdict = C.check_xor_weights(params)
    assert not verdict
    for word in words:
        assert word in verdict.message, verdict.message


# --- the learner's function: None, not a function, a stub, a crash ---------------------------


@pytest.mark.parametrize(
    "fn, words",
    [
        (None, ["your function is None: define the function"]),
        (42, ["your function must be a function, got 42"]),
        ("bce_grad", ["your function must be a function, got 'bce_grad'"]),
    ],
)
def test_non_functions_are_named(fn, words):
    verdict = C.check_bce_grad(fn)
    assert not verdict
    for word in words:
        assert word in verdict.message, verdict.message


def test_a_step_written_in_place_is_judged_on_its_result():
    """Updating w or the params' arrays in place and returning them is a correct step."""
    assert C.check_climb_step(climb_step), C.check_climb_step(climb_step)
    assert C.check_fixed_epoch(fixed_epoch), C.check_fixed_epoch(fixed_epoch)


def test_numpy_warnings_in_the_learners_code_stay_quiet():
    def noisy(p, y):
        np.log(np.zeros(1))  # a divide-by-zero warning on its way to the right answer
        return mean_bce_grad(p, y)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        verdict = C.check_bce_grad(noisy)
    assert verdict, verdict
    assert not caught, [str(w.message) for w in caught]


# --- xorlab's own functions are refused, however they are reached ------------------------------


def own_code_copy():
    """xorlab's code under another name: a function built from the code object of one of
    xorlab's functions (one in xorlab.cases, which the mutation runs leave unwrapped)."""
    code = xl.cases.rising_cost.flipped_surrogate_grad.__code__
    return types.FunctionType(code, {"__name__": "learner", "np": np}, "my_grad")


@pytest.mark.parametrize(
    "fn, words",
    [
        (xl.bce_grad, ["your function is one of xorlab's own functions; write it yourself."]),
        (functools.partial(xl.bce_grad), ["your function is one of xorlab's own functions"]),
        (xl.MLP((2, 2, 1), seed=0).gradients, ["your function is one of xorlab's own"]),
        (own_code_copy(), ["your function runs xorlab's own code; write it yourself."]),
    ],
)
def test_xorlab_functions_are_refused(fn, words):
    verdict = C.check_bce_grad(fn)
    assert not verdict
    for word in words:
        assert word in verdict.message, verdict.message


REPLACE = "a reference this exercise asks you to replace; write that part yourself."


def test_a_partial_of_the_learners_wrapper_is_refused():
    def mine(p, y, scale):
        return scale * xl.bce_grad(p, y)

    verdict = C.check_bce_grad(functools.partial(mine, scale=1.0))
    assert verdict.message == f"your function calls bce_grad, {REPLACE}", verdict.message


def test_every_reference_called_is_named():
    def mine(p, y):
        return xl.bce_grad(p, y) + 0 * xl.sigmoid_bce_delta(p, y)

    def via_helpers(p, y):
        return one(p, y) + 0 * other(p, y)

    def one(p, y):
        return xl.bce_grad(p, y)

    def other(p, y):
        return xl.sigmoid_bce_delta(p, y)

    for fn in (mine, via_helpers):
        verdict = C.check_bce_grad(fn)
        assert verdict.message == (f"your function calls bce_grad, sigmoid_bce_delta, {REPLACE}"), (
            verdict.message
        )


def test_a_reference_under_its_own_name_is_refused():
    bce_grad = xl.bce_grad  # as after `from xorlab import bce_grad`

    def mine(p, y):
        return bce_grad(p, y)

    assert C.check_bce_grad(mine).message == f"your function calls bce_grad, {REPLACE}"


@pytest.mark.parametrize(
    "cell",
    [
        "g = xl.bce_grad\ndef bce_grad(p, y):\n    return g(p, y)\n",
        "from xorlab.core.losses import bce_grad as g\ndef mine(p, y):\n    return g(p, y)\n",
        "g = functools.partial(xl.bce_grad)\ndef mine(p, y):\n    return g(p, y)\n",
        "def mine(p, y, g=xl.bce_grad):\n    return g(p, y)\n",
        "def mine(p, y, *, g=xl.bce_grad):\n    return g(p, y)\n",
        "def helper(p, y, s):\n    return s * xl.bce_grad(p, y)\n"
        "g = functools.partial(helper, s=1.0)\ndef mine(p, y):\n    return g(p, y)\n",
    ],
    ids=["alias", "imported-as", "partial", "default", "keyword-default", "partial-of-helper"],
)
def test_a_reference_under_another_name_is_refused(cell):
    """A notebook cell that binds xorlab's bce_grad (or a helper calling it) to another name,
    in the module's globals or as a default argument, then calls it through that name."""
    namespace = {"xl": xl, "functools": functools}
    exec(cell, namespace)
    fn = namespace.get("bce_grad") or namespace["mine"]
    assert C.check_bce_grad(fn).message == f"your function calls bce_grad, {REPLACE}"


def test_a_default_does_not_hide_what_the_body_calls():
    def mine(p, y, eps=1e-12):
        return xl.bce_grad(np.clip(p, eps, 1 - eps), y)

    assert C.check_bce_grad(mine).message == f"your function calls bce_grad, {REPLACE}"


def test_a_helper_given_as_a_default_is_followed():
    def helper(p, y):
        return xl.bce_grad(p, y)

    def mine(p, y, grad=helper):
        return grad(p, y)

    assert C.check_bce_grad(mine).message == f"your function calls bce_grad, {REPLACE}"


def test_defaults_that_are_not_references_are_judged_on_their_merits():
    def mine(p, y, gradients=None, *, clip=np.clip, eps=1e-12):  # "gradients": a reference name
        return (p - y) / (clip(p, eps, 1 - eps) * (1 - p)) / len(p)

    verdict = C.check_bce_grad(mine)
    assert verdict and "matches" in verdict.message, verdict


def test_a_function_named_like_the_reference_that_calls_it_is_refused():
    """A notebook cell `def bce_grad(p, y): return xl.bce_grad(p, y)`: the name the function
    reads is its own, but what it calls is xorlab's."""
    cell = {"xl": xl}
    exec("def bce_grad(p, y):\n    return xl.bce_grad(p, y)\n", cell)
    assert C.check_bce_grad(cell["bce_grad"]).message == f"your function calls bce_grad, {REPLACE}"


def test_a_reference_in_a_nested_function_is_found():
    def with_a_lambda(p, y):  # the reference in the outer body, a lambda beside it
        clip = lambda v: np.clip(v, 1e-12, 1 - 1e-12)  # noqa: E731
        return xl.bce_grad(clip(p), y)

    def with_two_lambdas(p, y):  # the reference in the first of two nested functions
        grad = lambda p, y: xl.bce_grad(p, y)  # noqa: E731
        same = lambda v: v  # noqa: E731
        return same(grad(p, y))

    for fn in (with_a_lambda, with_two_lambdas):
        assert C.check_bce_grad(fn).message == f"your function calls bce_grad, {REPLACE}"


def test_a_chapter_reference_helper_is_refused():
    def loss_and_grads(p, y):  # stands for the chapter's own helper
        return None, mean_bce_grad(p, y)

    def mine(p, y):
        return loss_and_grads(p, y)[1]

    assert C.check_bce_grad(mine).message == f"your function calls loss_and_grads, {REPLACE}"


def test_a_reference_behind_an_empty_closure_cell_is_found():
    """`backup` is assigned only after the check, so its cell is still empty when the guard
    reads `mine`; the guard goes on to `helper`, which calls the reference."""

    def mine(p, y):
        return helper(p, y) if backup is None else backup(p, y)

    def helper(p, y):
        return xl.bce_grad(p, y)

    verdict = C.check_bce_grad(mine)
    backup = None
    assert verdict.message == f"your function calls bce_grad, {REPLACE}", (verdict, backup)


def test_a_reference_in_a_helper_method_is_found():
    class Helpers:
        def grad(self, p, y):
            return xl.bce_grad(p, y)

    grad = Helpers().grad  # a bound method the learner's function calls by name

    def mine(p, y):
        return grad(p, y)

    assert C.check_bce_grad(mine).message == f"your function calls bce_grad, {REPLACE}"


def test_helpers_are_followed_two_calls_down():
    """The guard reads the learner's function and the helpers it calls, two levels down: a
    reference there is refused. One level further it stops (the grader's kernel still watches
    for the reference names); this pins that bound, which keeps mutual recursion finite."""

    def level(below):
        return lambda p, y: below(p, y)

    def reference(p, y):
        return xl.bce_grad(p, y)

    two_down = level(level(reference))
    three_down = level(level(level(reference)))
    assert C.check_bce_grad(two_down).message == f"your function calls bce_grad, {REPLACE}"
    assert C.check_bce_grad(three_down), C.check_bce_grad(three_down)


def test_the_learners_own_function_passes():
    """Written by hand (helpers, closures, a bound method, a function carrying a __code__ but
    no __globals__ or __closure__, one bound to an xorlab network): judged on its merits."""

    def helper(p):
        return p * (1 - p)

    def mine(p, y):
        return (p - y) / helper(p) / len(p)

    class Carrier:  # a callable object that carries a function's code, as some wrappers do
        __code__ = mean_bce_grad.__code__

        def __call__(self, p, y):
            return mean_bce_grad(p, y)

    class Holder:
        def grad(self, p, y):
            return mean_bce_grad(p, y)

    net = xl.MLP((2, 2, 1), seed=0)
    attached = types.MethodType(lambda self, p, y: mean_bce_grad(p, y), net)
    for fn in (mean_bce_grad, mine, Carrier(), Holder().grad, attached, functools.partial(mine)):
        verdict = C.check_bce_grad(fn)
        assert verdict and "matches" in verdict.message, (fn, verdict)


def test_guard_reads_unknown_objects_safely():
    """`guard.describe` never prints a long value whole."""
    assert guard.describe(list(range(100))) == "a list"
    assert guard.describe(3) == "3"
