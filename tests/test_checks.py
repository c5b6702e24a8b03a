"""The self-checks (xorlab.exercises, `xl.checks`): right answers pass, known mistakes are
named, and no input, however malformed, crashes a check, states the answer or lets xorlab
answer.

Reference answers here are written independently of xorlab (plain numpy)."""

import functools
import re
import types

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import xorlab as xl

C = xl.checks


def sig(z):
    return 1 / (1 + np.exp(-z))


def softplus(z):
    return np.logaddexp(0, z)


# --- independent reference answers --------------------------------------------------------


def backward(params, X, y):
    h = sig(X @ params["W1"] + params["b1"])
    p = sig(h @ params["W2"] + params["b2"])
    d2 = (p - y) / len(X)
    d1 = (d2 @ params["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


def bce_step(params, X, y, lr):
    g = backward(params, X, y)
    return {k: params[k] - lr * g[k] for k in params}


def relu_step(params, X, y, lr):
    z = X @ params["A"] + params["a"]
    h = np.maximum(z, 0)
    p = sig(h @ params["B"] + params["b"])
    d2 = (p - y) / len(X)
    d1 = (d2 @ params["B"].T) * (z > 0)
    grads = {"A": X.T @ d1, "a": d1.sum(0), "B": h.T @ d2, "b": d2.sum(0)}
    return {k: params[k] - lr * grads[k] for k in params}


def squared_step(params, X, y, lr, hidden):
    f = np.tanh if hidden == "tanh" else sig
    h = f(X @ params["W1"] + params["b1"])
    out = sig(h @ params["W2"] + params["b2"])
    d_out = -2 * (y - out) * out * (1 - out)
    d_hid = (d_out @ params["W2"].T) * (1 - h**2 if hidden == "tanh" else h * (1 - h))
    grads = {"W1": X.T @ d_hid, "b1": d_hid.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}
    return {k: params[k] - lr * grads[k] for k in params}


def climb_step(w, x, t, rate):
    w1, b1, w2, b2 = w
    h = sig(w1 * x + b1)
    out = sig(w2 * h + b2)
    d = (out - t) * out * (1 - out)
    dh = d * w2 * h * (1 - h)
    return w - rate * np.array([np.sum(dh * x), np.sum(dh), np.sum(d * h), np.sum(d)])


def sample_gradients(W1, W2, x, y):
    h = sig(x @ W1)
    p = sig(h @ W2)
    d2 = (p - y) * p * (1 - p)
    d1 = (W2 @ d2) * h * (1 - h)
    return np.outer(x, d1), np.outer(h, d2)


def sample_step(W1, W2, x, y, lr):
    g1, g2 = sample_gradients(W1, W2, x, y)
    return W1 - lr * g1, W2 - lr * g2


def output_first_step(W1, W2, x, y, lr):
    h = sig(x @ W1)
    p = sig(h @ W2)
    d2 = (p - y) * p * (1 - p)
    W2 = W2 - lr * np.outer(h, d2)
    return W1 - lr * np.outer(x, (W2 @ d2) * h * (1 - h)), W2


def online_pass(params, X, y, lr, output_first=False):
    """One pass of per-sample descent on 1/2 (p - y)^2 (biases); optionally the answer's order."""
    q = {k: v.copy() for k, v in params.items()}
    for x, t in zip(X, y):
        h = sig(x @ q["W1"] + q["b1"])
        p = sig(h @ q["W2"] + q["b2"])
        d2 = (p - t) * p * (1 - p)
        dW2, db2 = np.outer(h, d2), d2
        if output_first:
            q["W2"], q["b2"] = q["W2"] - lr * dW2, q["b2"] - lr * db2
        d1 = (q["W2"] @ d2) * h * (1 - h)
        q["W1"], q["b1"] = q["W1"] - lr * np.outer(x, d1), q["b1"] - lr * d1
        if not output_first:
            q["W2"], q["b2"] = q["W2"] - lr * dW2, q["b2"] - lr * db2
    return q


def negated(fn, keys=None):
    """fn with the sign of its step (or of the named gradients) flipped."""

    def wrong(params, X, y, *rest):
        if rest:
            new = fn(params, X, y, *rest)
            return {k: 2 * params[k] - new[k] if keys is None or k in keys else new[k] for k in new}
        g = fn(params, X, y)
        return {k: -v if keys is None or k in keys else v for k, v in g.items()}

    return wrong


FUNCTION_CHECKS = {
    "check_backward": (backward, 3),
    "check_rising_cost_step": (bce_step, 4),
    "check_stuck_step": (relu_step, 4),
    "check_tanh_step": (squared_step, 5),
    "check_climb_step": (climb_step, 4),
    "check_bce_grad": (lambda p, y: (p - y) / (p * (1 - p)) / len(p), 2),
    "check_output_delta": (lambda z, y: (sig(z) - y) / len(z), 2),
    "check_tanh_derivative": (lambda a: 1 - a**2, 1),
    "check_sample_gradients": (sample_gradients, 4),
    "check_sample_step": (sample_step, 5),
    "check_fixed_epoch": (online_pass, 4),
}


def _b2_gradient():
    """dL/db2 of MLP((2, 2, 1), seed=0) on XOR, by central differences of the mean BCE."""
    net = xl.MLP((2, 2, 1), seed=0)
    X, y = xl.xor()
    p = {k: v.copy() for k, v in net.params.items()}

    def loss(b2):
        h = sig(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + b2
        return np.mean(softplus(z) - y * z)

    return float((loss(p["b2"] + 1e-6) - loss(p["b2"] - 1e-6)) / 2e-6)


NUMBER_CHECKS = {  # check name: (right answer, a wrong one)
    "check_b2_gradient": (_b2_gradient(), 0.3),
    "check_f0": (sig(-2.0), 0.2),
    "check_pm_one_infimum": (0.125, 0.2),
    "check_chain_bound": (1 / 16, 0.1),
    "check_missing_factor": (4.0, 3.0),
    "check_no_bias_floor": (np.log(2) / 4, 0.3),
    "check_dead_at_init": (0.25, 0.3),
    "check_sum_lr": (0.4, 0.3),
    "check_sum_factor": (4.0, 3.0),
}


# --- right answers pass, their correct messages never state the answer ---------------------


@pytest.mark.parametrize("name", FUNCTION_CHECKS)
def test_right_function_passes(name):
    assert getattr(C, name)(FUNCTION_CHECKS[name][0]), name


@pytest.mark.parametrize("name", NUMBER_CHECKS)
def test_right_number_passes_without_stating_it(name):
    right, wrong = NUMBER_CHECKS[name]
    verdict = getattr(C, name)(right)
    assert verdict and str(verdict).startswith("Correct.")
    for digits in (2, 3, 4):
        assert f"{right:.{digits}g}" not in verdict.message, verdict.message
    assert not getattr(C, name)(wrong)


@pytest.mark.parametrize("name", NUMBER_CHECKS)
def test_no_bisection_oracle(name):
    """A wrong number above the answer and one below get the same message (bar the value)."""
    right, _ = NUMBER_CHECKS[name]
    above = getattr(C, name)(right * 1.37 + 0.011).message
    below = getattr(C, name)(right * 0.61 - 0.013).message
    strip = lambda m: m.split(" is not it. ")[-1]  # noqa: E731
    assert strip(above) == strip(below)
    for word in ("large", "small", "high", "low", "above", "below"):
        assert word not in above and word not in below


def test_choices_never_name_a_letter():
    assert C.check_bias_free_choices("ACE") and C.check_bias_free_choices({"a", "c", "e"})
    for answer in ("AC", "ABCE", "F", "ABCDEF"):
        verdict = C.check_bias_free_choices(answer)
        assert not verdict
        assert not re.search(r"\b[A-F]\b", verdict.message), verdict.message
    assert "at least one" in C.check_bias_free_choices("").message
    assert "not options" in C.check_bias_free_choices("AZ").message
    assert "cannot be reached" in C.check_bias_free_choices("ABCE").message
    assert "missing" in C.check_bias_free_choices("AC").message


# --- known mistakes are named ----------------------------------------------------------------


def test_backward_mistakes_are_located_and_described():
    flipped = C.check_backward(negated(backward, {"W1", "b1"}))
    assert (
        not flipped and "W2, b2 right" in flipped.message and "sign is flipped" in flipped.message
    )
    summed = C.check_backward(lambda p, X, y: {k: v * len(X) for k, v in backward(p, X, y).items()})
    assert "times too large: the loss is a mean" in summed.message

    def z_not_h(params, X, y):  # the chapter's planted bug: sigma' from z, not from h
        g = backward(params, X, y)
        z1 = X @ params["W1"] + params["b1"]
        h = sig(z1)
        p = sig(h @ params["W2"] + params["b2"])
        d1 = ((p - y) / len(X) @ params["W2"].T) * z1 * (1 - z1)
        return {**g, "W1": X.T @ d1, "b1": d1.sum(0)}

    wrong = C.check_backward(z_not_h)
    assert "W2, b2 right" in wrong.message and "not the slope" in wrong.message
    shaped = C.check_backward(lambda p, X, y: {**backward(p, X, y), "W1": np.zeros((2, 3))})
    assert "shape (2, 3)" in shaped.message


def test_step_mistakes_are_named():
    assert "sign is flipped" in C.check_rising_cost_step(negated(bce_step, {"W2"})).message
    assert "unchanged" in C.check_stuck_step(lambda p, X, y, lr: p).message
    assert "unchanged" in C.check_fixed_epoch(lambda p, X, y, lr: p).message
    answer_order = C.check_fixed_epoch(lambda p, X, y, lr: online_pass(p, X, y, lr, True))
    assert not answer_order and "one pass of 4 samples" in answer_order.message
    one_step = C.check_fixed_epoch(lambda p, X, y, lr: online_pass(p, X, y, lr / len(X)))
    assert not one_step
    half = C.check_tanh_step(lambda p, X, y, lr, h: squared_step(p, X, y, lr / 2, h))
    assert "0.5 times the right length" in half.message
    mean = C.check_tanh_step(lambda p, X, y, lr, h: squared_step(p, X, y, lr / len(X), h))
    assert "1/n of the slope (n = 4): the loss is a sum, not a mean" in mean.message
    bias = C.check_backward(negated(backward, {"b2"}))  # one entry: its sign, not a pattern
    assert "W1, b1, W2 right; b2: the opposite direction" in bias.message
    assert (
        "sign is flipped" in C.check_climb_step(lambda w, x, t, r: climb_step(w, x, t, -r)).message
    )


def test_older_checks_name_their_mistakes():
    assert (
        "wrong sign for y = 0"
        in C.check_bce_grad(lambda p, y: (-y / p - (1 - y) / (1 - p)) / len(p)).message
    )
    assert "mean" in C.check_bce_grad(lambda p, y: (p - y) / (p * (1 - p))).message
    assert "sigmoid's derivative" in C.check_tanh_derivative(lambda a: a * (1 - a)).message
    assert "again" in C.check_tanh_derivative(lambda a: 1 - np.tanh(a) ** 2).message
    assert "two" in C.check_chain_bound(0.25).message
    assert "multiplies" in C.check_chain_bound(0.5).message
    assert "multiply" in C.check_sum_lr(0.025).message
    assert "updated W2" in str(C.check_sample_step(output_first_step))
    assert "climbs" in str(C.check_sample_gradients(lambda *a: [-g for g in sample_gradients(*a)]))
    assert "transposed" in str(
        C.check_sample_gradients(lambda *a: [sample_gradients(*a)[0].T, sample_gradients(*a)[1]])
    )
    assert "dW2 is right" in str(
        C.check_sample_gradients(lambda *a: [np.zeros((2, 2)), sample_gradients(*a)[1]])
    )


def test_y_flip_surrogate_names_the_neighbours():
    right = lambda z, y: np.mean(-y * softplus(-z) + (1 - y) * softplus(z)) + 3.0  # noqa: E731
    chapter_s = lambda z, y: np.mean(y * softplus(-z) - (1 - y) * softplus(z))  # noqa: E731
    summed = lambda z, y: np.sum(-y * softplus(-z) + (1 - y) * softplus(z))  # noqa: E731
    plain = lambda z, y: np.mean(y * softplus(-z) + (1 - y) * softplus(z))  # noqa: E731
    assert C.check_y_flip_surrogate(right)
    assert "other" in C.check_y_flip_surrogate(chapter_s).message
    assert "n times" in C.check_y_flip_surrogate(summed).message
    assert "plain BCE" in C.check_y_flip_surrogate(plain).message
    assert "returned None" in C.check_y_flip_surrogate(lambda z, y: None).message


def test_hand_weights_and_identity_params():
    good = {"W1": [[20, -20], [20, -20]], "b1": [-10, 30], "W2": [[20], [20]], "b2": [-30]}
    assert C.check_xor_weights(good)
    zero = {k: np.zeros_like(np.array(v, dtype=float)) for k, v in good.items()}
    assert "0.500" in C.check_xor_weights(zero).message
    assert "missing ['b2']" in C.check_xor_weights({k: good[k] for k in ("W1", "b1", "W2")}).message
    assert "ragged" in C.check_xor_weights({**good, "W1": [[1, 2], [3]]}).message
    assert "shape" in C.check_xor_weights({**good, "W1": [1, 2]}).message
    assert C.check_identity_params({"W1": 10.0, "b1": -5.0, "W2": 20.0, "b2": -10.0})
    assert C.check_identity_params({"W1": 10.0, "W2": 40.0, "b2": -30.0}, bias="output")
    assert "same side" in C.check_identity_params({"W1": -10.0, "W2": -10.0}, bias=False).message
    high = C.check_identity_params({"W1": 10.0, "b1": 0.0, "W2": 2.0, "b2": 0.0})
    assert "f(0) is on the wrong side" in high.message
    weak = C.check_identity_params({"W1": 4.0, "b1": -2.0, "W2": 2.0, "b2": -1.0})
    assert "scale" in weak.message
    assert "b1" in C.check_identity_params({"W1": 1.0, "W2": 1.0}).message
    nan = C.check_identity_params({"W1": float("nan"), "b1": 0, "W2": 1, "b2": 0})
    assert "W1 is NaN" in nan.message


def test_step_signs_do_not_state_the_changes():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=0, faults=("flipped_bce_grad",))
    xl.train(net, X, y, 0.5, 50)
    before = {k: v.copy() for k, v in net.params.items()}
    right = C.check_step_signs("up", "down", net, X, y, 0.5)
    assert right and C.check_step_signs(+1, -1, net, X, y, 0.5)
    assert "+0." not in right.message and "-0." not in right.message
    assert "opposite" in C.check_step_signs("down", "down", net, X, y, 0.5).message
    assert "exact gradient of S" in C.check_step_signs("up", "up", net, X, y, 0.5).message
    for sideways in ("sideways", None, float("nan"), 0):
        assert not C.check_step_signs(sideways, "down", net, X, y, 0.5)
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k])


# --- the limits an exercise states are enforced ------------------------------------------------


def test_recipe_limits_are_enforced():
    assert "1 to 5,000 epochs" in C.check_xor_recipe(4.0, 10_000, 0.3).message
    assert "whole number" in C.check_xor_recipe(4.0, 300.5, 0.3).message
    assert "at least 1,000" in C.check_xor_recipe(4.0, 2000, 0.3, n=100).message
    assert "positive" in C.check_xor_recipe(-1.0, 200, 0.3).message
    assert "NaN" in C.check_xor_recipe(float("nan"), 200, 0.3).message
    with pytest.raises(TypeError, match="target"):
        C.check_xor_recipe(4.0, 2000, 0.3, target=0.0)
    stuck = C.check_xor_recipe(0.4, 200, 0.001)
    assert not stuck and "never left the start" in stuck.message


def test_design_limits_are_enforced():
    design = dict(init="uniform01", init_scale=2.0, lr=0.1, bias=True)
    assert "1 to 2,000 epochs" in C.check_relu_xor_design({**design, "epochs": 2001}).message
    assert "fixed by the exercise" in C.check_relu_xor_design({**design, "faults": ()}).message
    assert "fixed by the exercise" in C.check_relu_xor_design({**design, "n": 10}).message
    assert "settings" in C.check_relu_xor_design(xl.train_many(10, epochs=1)).message
    assert "whole number" in C.check_relu_xor_design({**design, "epochs": "2000"}).message
    weak = C.check_relu_xor_design({**design, "epochs": 1})
    assert not weak and "not enough" in weak.message
    assert (
        "without biases" in C.check_relu_xor_design({**design, "epochs": 1, "bias": False}).message
    )


# --- xorlab's own functions are refused as answers ---------------------------------------------


def test_reference_functions_are_refused():
    net = xl.MLP((2, 2, 1), seed=0)
    refused = [
        C.check_bce_grad(xl.bce_grad),
        C.check_bce_grad(xl.core.losses.bce_grad),
        C.check_bce_grad(lambda p, y: xl.bce_grad(p, y)),
        C.check_bce_grad(functools.partial(xl.bce_grad)),
        C.check_bce_grad(types.FunctionType(xl.bce_grad.__code__, {"np": np, "CLIP": 1e-15})),
        C.check_output_delta(lambda z, y: xl.sigmoid_bce_delta(sig(z), y)),
        C.check_backward(lambda params, X, y: net.gradients(X, y)),
        C.check_backward(net.gradients),
        C.check_tanh_derivative(xl.core.activations.tanh_derivative),
    ]
    for verdict in refused:
        assert not verdict and "yourself" in verdict.message, verdict.message

    def helper(p, X, y):  # a learner's helper that hides the call one level down
        return xl.MLP((2, 2, 1)).gradients(X, y)

    assert "yourself" in C.check_backward(lambda p, X, y: helper(p, X, y)).message


# --- no input crashes a check ------------------------------------------------------------------

MALFORMED = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=8),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.lists(st.floats(allow_nan=True), max_size=4),
    st.lists(st.lists(st.integers(-3, 3), max_size=3), max_size=3),  # ragged
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.builds(lambda s: np.full(s, np.nan), st.lists(st.integers(0, 3), max_size=3).map(tuple)),
    st.builds(np.zeros, st.lists(st.integers(0, 3), max_size=3).map(tuple)),
)


def _no_leak(verdict, right, value):
    """The message names no form of the answer that the learner's own value does not hold."""
    for digits in (3, 4):
        form = f"{right:.{digits}g}"
        if len(form) >= 4 and form not in repr(value):
            assert form not in verdict.message, verdict.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(NUMBER_CHECKS)), value=MALFORMED)
def test_malformed_numbers_get_a_message(name, value):
    right, _ = NUMBER_CHECKS[name]
    verdict = getattr(C, name)(value)
    assert isinstance(verdict, C.Feedback) and verdict.message.strip()
    if not verdict:
        _no_leak(verdict, right, value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(FUNCTION_CHECKS)), returned=MALFORMED)
def test_functions_returning_garbage_get_a_message(name, returned):
    _, arity = FUNCTION_CHECKS[name]
    verdict = getattr(C, name)(lambda *args: returned)
    assert not verdict and verdict.message.strip()
    if returned is None:
        assert "returned None" in verdict.message


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(sorted(FUNCTION_CHECKS)),
    error=st.sampled_from([ValueError, KeyError, IndexError, TypeError, ZeroDivisionError]),
)
def test_functions_that_raise_get_a_message(name, error):
    def broken(*args):
        raise error("learner's bug")

    verdict = getattr(C, name)(broken)
    assert not verdict and error.__name__ in verdict.message


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(sorted(FUNCTION_CHECKS)), value=MALFORMED)
def test_non_functions_get_a_message(name, value):
    verdict = getattr(C, name)(value)
    assert not verdict and ("function" in verdict.message or "None" in verdict.message)


def test_stub_is_recognised():
    def stub(*args):
        raise NotImplementedError("your code here")

    for name in FUNCTION_CHECKS:
        assert "still the stub" in getattr(C, name)(stub).message


@settings(max_examples=40, deadline=None)
@given(params=st.one_of(MALFORMED, st.fixed_dictionaries({"W1": MALFORMED, "b1": MALFORMED})))
def test_malformed_dicts_get_a_message(params):
    for check in (C.check_xor_weights, C.check_identity_params, C.check_relu_xor_design):
        verdict = check(params)
        assert isinstance(verdict, C.Feedback) and not verdict and verdict.message.strip()
