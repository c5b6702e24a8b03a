"""The self-checks' verdicts (xorlab.exercises, `xl.checks`) on answers near and far from right,
against references written here in plain numpy: a check says "Correct." exactly when the answer
is within its tolerance, and names the known mistake it matches. Issue 27 item 5."""

import numpy as np
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import xorlab as xl
from xorlab.exercises import guard

C = xl.checks
SETTINGS = settings(
    max_examples=40, deadline=None, derandomize=True, phases=(Phase.explicit, Phase.generate)
)
"""Fixed examples, and no shrinking: a failure is reported as found (mutation runs stay quick)."""


def sig(z):
    return 1 / (1 + np.exp(-z))


X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])

# h1 = OR, h2 = AND, output = h1 and not h2: every output within 0.01 of its target
SOLUTION = {
    "W1": np.array([[10.0, 10.0], [10.0, 10.0]]),
    "b1": np.array([-5.0, -15.0]),
    "W2": np.array([[10.0], [-10.0]]),
    "b2": np.array([-5.0]),
}


def outputs(params):
    h = sig(X @ params["W1"] + params["b1"])
    return sig(h @ params["W2"] + params["b2"])


# --- check_xor_weights: every output, not some ----------------------------------------------


def test_the_solution_is_correct_and_one_right_output_of_four_is_not():
    assert C.check_xor_weights(SOLUTION)
    one_right = {**SOLUTION, "W2": np.array([[-10.0], [0.0]]), "b2": np.array([5.0])}
    right = np.abs(outputs(one_right) - Y) < 0.1
    assert right.sum() == 1
    verdict = C.check_xor_weights(one_right)
    assert not verdict and str(verdict).startswith("Not yet.")
    three_right = {**SOLUTION, "W2": np.array([[10.0], [0.0]])}  # (1, 1) now says 1
    three = np.abs(outputs(three_right) - Y) < 0.1
    assert three.sum() == 3 and not C.check_xor_weights(three_right)


@SETTINGS
@given(
    noise=st.lists(st.floats(-1, 1), min_size=9, max_size=9),
    scale=st.floats(0, 12),
    tol=st.floats(0.02, 0.45),
)
def test_xor_weights_verdict_is_every_output_within_tol(noise, scale, tol):
    flat = np.concatenate([v.ravel() for v in SOLUTION.values()]) + scale * np.array(noise)
    params, at = {}, 0
    for k, v in SOLUTION.items():
        params[k] = flat[at : at + v.size].reshape(v.shape)
        at += v.size
    gap = np.abs(outputs(params) - Y)
    if np.any(np.abs(gap - tol) < 1e-9):
        return  # on the boundary itself, either verdict is defensible
    verdict = C.check_xor_weights(params, tol=tol)
    assert bool(verdict) == bool(np.all(gap < tol))
    if not verdict:
        worst = int(np.argmax(gap))
        assert f"gives {outputs(params)[worst, 0]:.3f}" in verdict.message
        assert f"allowed distance {tol}" in verdict.message


# --- number checks: within tolerance passes, beyond it fails, mistakes are named -----------

U = np.finfo(float).eps
NUMBERS = {  # name: (right, relative tolerance, [(known mistake, words of its message)])
    "check_f0": (sig(-4 * sig(0.0)), 5e-4, [(sig(-4 * sig(7.0)), "h = sigmoid(w1)")]),
    "check_pm_one_infimum": (0.125, 1e-3, []),
    "check_chain_bound": (
        1 / 16,
        1e-6,
        [(1 / 4, "one sigmoid's bound"), (1 / 2, "does not add them")],
    ),
    "check_missing_factor": (4.0, 1e-3, [(0.25, "the factor left out")]),
    "check_no_bias_floor": (
        np.log(2) / 4,
        1e-3,
        [
            (np.log(2), "on input (0, 0) alone"),
            (0.5, "an output, not a loss"),
            (0.0, "same for any"),
        ],
    ),
    "check_dead_at_init": (
        0.25,
        1e-3,
        [(0.5, "one negative weight"), (0.0, "U[0, 1)"), (0.75, "at least one weight")],
    ),
    "check_sum_lr": (0.4, 1e-6, [(0.025, "that divides by n"), (0.1, "the same lr")]),
    "check_sum_factor": (4.0, 1e-6, [(0.25, "true / yours"), (1.0, "a ratio of 1")]),
}


@pytest.mark.parametrize("name", NUMBERS)
def test_number_checks_pass_inside_their_tolerance_and_fail_outside(name):
    right, rtol, _ = NUMBERS[name]
    check = getattr(C, name)
    for side in (1, -1):
        assert check(right * (1 + side * rtol / 3)), (name, side)
        verdict = check(right * (1 + side * 1.5 * rtol))
        assert not verdict and "is not it" in verdict.message, (name, side, verdict)


@pytest.mark.parametrize("name", NUMBERS)
def test_number_checks_name_each_known_mistake(name):
    _, _, mistakes = NUMBERS[name]
    for value, words in mistakes:
        verdict = getattr(C, name)(value)
        assert not verdict and words in verdict.message, (name, value, verdict)


@SETTINGS
@given(
    expected=st.floats(-1e6, 1e6).filter(lambda e: abs(e) > 1e-6),
    factor=st.floats(-0.01, 0.01),
    rtol=st.sampled_from([1e-6, 1e-3, 0.1]),
)
def test_check_number_agrees_with_a_relative_tolerance(expected, factor, rtol):
    value = expected * (1 + factor)
    if abs(abs(factor) - rtol) < 1e-9 + 1e-12 / abs(expected):
        return  # the boundary
    verdict = C.check_number(value, expected, rtol=rtol)
    assert bool(verdict) == (abs(value - expected) <= 1e-12 + rtol * abs(expected))
    if not verdict:
        assert f"{expected:.6g}" not in verdict.message or f"{value:.4g}" in verdict.message


def test_check_number_defaults_to_a_tolerance_of_one_in_a_thousand():
    assert C.check_number(1.0009, 1.0) and not C.check_number(1.0011, 1.0)
    assert C.check_number(1e-13, 0.0)  # an absolute allowance of 1e-12 at zero
    assert not C.check_number(1.5e-12, 0.0)


# --- function checks: a right answer off by more than the tolerance is not right ----------

P = np.array([[0.1], [0.3], [0.5], [0.7], [0.9], [0.2], [0.6], [0.95]])
T = np.array([[0.0], [0.0], [0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])


def bce_grad(p, y):
    return (p - y) / (p * (1 - p)) / len(p)


@SETTINGS
@given(entry=st.integers(0, 7), size=st.floats(1e-4, 10))
def test_bce_grad_off_in_one_entry_is_not_correct(entry, size):
    def answer(p, y):
        g = bce_grad(p, y)
        g[entry] *= 1 + size
        return g

    verdict = C.check_bce_grad(answer)
    assert not verdict and str(verdict).startswith("Not yet.")


def test_bce_grad_names_its_mistakes_and_passes_within_rounding():
    assert C.check_bce_grad(lambda p, y: bce_grad(p, y) * (1 + 1e-9))
    for cls in (0, 1):

        def flipped(p, y, cls=cls):
            g = bce_grad(p, y)
            return np.where(y == cls, -g, g)

        assert f"wrong sign for y = {cls}" in C.check_bce_grad(flipped).message
    assert "n times too large" in C.check_bce_grad(lambda p, y: bce_grad(p, y) * len(p)).message
    both = C.check_bce_grad(lambda p, y: -bce_grad(p, y))
    assert "wrong sign for y = 0" in both.message
    other = C.check_bce_grad(lambda p, y: bce_grad(p, y) * 2)
    assert "not the derivative of the mean BCE" in other.message


def test_tanh_derivative_names_its_mistakes():
    assert C.check_tanh_derivative(lambda a: 1 - a**2)
    assert not C.check_tanh_derivative(lambda a: (1 - a**2) * 1.01)
    assert "sigmoid" in C.check_tanh_derivative(lambda a: a * (1 - a)).message
    twice = C.check_tanh_derivative(lambda a: 1 - np.tanh(a) ** 2)
    assert not twice and "tanh" in twice.message


def test_output_delta_passes_within_its_tolerance_and_names_mistakes():
    right = lambda z, y: (sig(z) - y) / len(z)  # noqa: E731
    assert C.check_output_delta(lambda z, y: right(z, y) * (1 + 1e-8))
    assert not C.check_output_delta(lambda z, y: right(z, y) * (1 + 1e-4))
    assert "n times" in C.check_output_delta(lambda z, y: right(z, y) * len(z)).message
    assert not C.check_output_delta(lambda z, y: -right(z, y))


# --- the 1-1-1 chain: the verdict is the loss, the message is the branch --------------------


def chain(w, x, bias):
    b1 = w.get("b1", 0.0) if bias is True else 0.0
    b2 = w.get("b2", 0.0) if bias in (True, "output") else 0.0
    return sig(w["W2"] * sig(w["W1"] * x + b1) + b2)


@SETTINGS
@given(
    values=st.lists(st.floats(-30, 30), min_size=4, max_size=4),
    bias=st.sampled_from([True, "output", False]),
)
def test_identity_params_verdict_follows_the_loss_and_the_sides(values, bias):
    keys = {True: ("W1", "b1", "W2", "b2"), "output": ("W1", "W2", "b2"), False: ("W1", "W2")}
    w = dict(zip(keys[bias], values))
    f0, f1 = chain(w, 0.0, bias), chain(w, 1.0, bias)
    loss = (f0**2 + (1 - f1) ** 2) / 2
    if abs(loss - 0.01) < 1e-9 or abs(f0 - 0.5) < 1e-9 or abs(f1 - 0.5) < 1e-9:
        return
    verdict = C.check_identity_params(w, bias=bias)
    assert bool(verdict) == (loss < 0.01)
    assert f"f(0) = {f0:.3f}, f(1) = {f1:.3f}" in verdict.message
    if verdict:
        return
    if bias is False:
        assert "same side of 1/2" in verdict.message
    elif f0 > 0.5:
        assert "f(0) is on the wrong side" in verdict.message
    elif f1 < 0.5:
        assert "f(1) is on the wrong side" in verdict.message
    else:
        assert "not close enough" in verdict.message


def test_identity_params_refuses_wrong_keys_and_bias_values():
    assert "exactly ['W1', 'W2']" in C.check_identity_params({"W1": 1.0}, bias=False).message
    assert "bias must be True, False or 'output'" in C.check_identity_params({}, bias=2).message
    assert "must be a dict" in C.check_identity_params([1.0, 2.0]).message


# --- the bias-free quiz: how many letters are wrong, never which ------------------------------


@pytest.mark.parametrize(
    "answer, words",
    [
        ("ACEB", ["1 of your letters cannot be reached"]),
        ("ACEBD", ["2 of your letters cannot be reached"]),
        ("AC", ["1 reachable pair(s) are missing"]),
        ("AB", ["1 of your letters", "2 reachable pair(s)"]),
    ],
)
def test_bias_free_choices_count_the_wrong_letters(answer, words):
    verdict = C.check_bias_free_choices(answer)
    assert not verdict
    for w in words:
        assert w in verdict.message
    assert ("missing" in verdict.message) == (not set("ACE") <= set(answer))


def test_bias_free_choices_read_letters_loosely_but_need_one():
    assert C.check_bias_free_choices(["a", " c", "E"])
    assert C.check_bias_free_choices("A,C,E")
    assert "at least one" in C.check_bias_free_choices(",").message
    assert "not options" in C.check_bias_free_choices("ACEZ").message


# --- more number checks' mistakes ------------------------------------------------------------


def b2_gradient():
    """dL/db2 of MLP((2, 2, 1), seed=0) on XOR: mean of p - y, written out here."""
    p = xl.MLP((2, 2, 1), seed=0).params
    h = sig(X @ p["W1"] + p["b1"])
    return float(np.mean(sig(h @ p["W2"] + p["b2"]) - Y))


def test_b2_gradient_and_infimum_name_their_mistakes():
    right = b2_gradient()
    assert C.check_b2_gradient(right * (1 + 3e-4)) and not C.check_b2_gradient(right * 1.003)
    assert "n times too large" in C.check_b2_gradient(4 * right).message
    assert "sign is off" in C.check_b2_gradient(-right).message
    assert "f = 1/2 on both" in C.check_pm_one_infimum(0.25).message


# --- gradients compared entry by entry ---------------------------------------------------------


def backward(params, X, y):
    h = sig(X @ params["W1"] + params["b1"])
    p = sig(h @ params["W2"] + params["b2"])
    d2 = (p - y) / len(X)
    d1 = (d2 @ params["W2"].T) * h * (1 - h)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


@pytest.mark.parametrize(
    "change, passes, words",
    [
        (lambda g: g * (1 + 1e-8), True, None),
        (lambda g: g * (1 + 1e-3), False, "the right direction but 1.001 times the right length"),
        (lambda g: -g, False, "a sign is flipped"),
        (lambda g: 2 * g, False, "2 times the right length"),
        (lambda g: 0 * g, False, "every entry is 0 where the loss has a slope"),
        (lambda g: g * np.array([[0.0], [1.0]]), False, "some entries are 0 where"),
        (lambda g: g / 4, False, "1/n of the slope (n = 4): divided by n once too often"),
        (lambda g: g * np.array([[1.0], [1.5]]), False, "each entry is off by another factor"),
        (lambda g: g[::-1].copy() + 1.0, False, "not the slope of the loss"),
    ],
)
def test_backward_is_judged_entry_by_entry(change, passes, words):
    def answer(params, X, y):
        g = backward(params, X, y)
        return {**g, "W2": change(g["W2"])}

    verdict = C.check_backward(answer)
    assert bool(verdict) == passes
    if words:
        assert words in verdict.message and "W1, b1, b2 right" in verdict.message


def test_backward_names_a_sum_over_the_samples():
    def summed(params, X, y):
        return {k: v * len(X) for k, v in backward(params, X, y).items()}

    message = C.check_backward(summed).message
    assert "with 4 sample(s)" in message and "n = 4 times too large" in message


def test_backward_ratio_and_tolerance_edges():
    def scaled(factor):
        def answer(params, X, y):
            g = backward(params, X, y)
            return {**g, "W2": g["W2"] * factor}

        return C.check_backward(answer)

    assert not scaled(1 + 1.5e-5)  # beyond the relative tolerance of 1e-5
    near_n = scaled(4 * (1 + 1.5e-3)).message  # the right direction, not quite n times
    assert "n = 4 times" not in near_n and "times the right length" in near_n
    assert "n = 4 times too large" in scaled(4 * (1 + 0.5e-3)).message  # n, to within 1e-3


# --- answers that are, or call, xorlab's own code ----------------------------------------------


def test_descriptions_keep_short_reprs_only():
    assert guard.describe("x" * 38) == repr("x" * 38)  # 40 characters with the quotes
    assert guard.describe("x" * 39) == "a str"


def test_a_function_of_the_xorlab_module_itself_is_refused_by_name():
    def fake(p, y):
        return (p - y) / (p * (1 - p)) / len(p)

    fake.__module__ = "xorlab"
    assert "one of xorlab's own functions" in C.check_bce_grad(fake).message
    assert "one of xorlab's own functions" in C.check_bce_grad(xl.bce_grad).message


def test_references_are_followed_through_helpers_and_recursion_ends():
    def level2(p, y):
        return xl.mse_grad(p, y)

    def level1(p, y):
        return level2(p, y)

    def answer(p, y):
        return level1(p, y)

    assert "calls mse_grad" in C.check_bce_grad(answer).message

    def ping(p, y, k=0):
        return pong(p, y, k + 1) if k < 0 else (p - y) / (p * (1 - p)) / len(p)

    def pong(p, y, k):
        return ping(p, y, k)

    assert C.check_bce_grad(ping)  # helpers that call each other: no endless search


def test_a_builtin_function_as_answer_gets_a_verdict():
    verdict = C.check_tanh_derivative(np.cos)
    assert not verdict and "differentiate tanh" in verdict.message


def test_backward_allows_1e_7_absolute_where_the_gradient_is_small():
    def off_by(amount):
        def answer(params, X, y):
            g = backward(params, X, y)
            return {**g, "W1": g["W1"] + amount}

        return C.check_backward(answer)

    assert off_by(0.5e-7) and not off_by(1.5e-7)


# --- every named mistake is a "Not yet." (a flipped truth flag keeps the message) ---------------


@pytest.mark.parametrize(
    "w, words",
    [
        ({"W1": 1.0, "b1": 0.0, "W2": 2.0, "b2": 0.0}, "f(0) is on the wrong side"),
        ({"W1": 1.0, "b1": 0.0, "W2": 0.0, "b2": 0.0}, "f(0) is on the wrong side"),  # f = 1/2
        ({"W1": 1.0, "b1": 0.0, "W2": -3.0, "b2": 0.5}, "f(1) is on the wrong side"),
        ({"W1": 10.0, "b1": -5.0, "W2": 4.0, "b2": -2.0}, "not close enough"),
        ({"W1": 10.0, "b1": -5.0, "W2": 20.0, "b2": -10.0}, None),
    ],
)
def test_identity_params_examples(w, words):
    f0, f1 = chain(w, 0.0, True), chain(w, 1.0, True)
    loss = (f0**2 + (1 - f1) ** 2) / 2
    verdict = C.check_identity_params(w)
    assert f"f(0) = {f0:.3f}, f(1) = {f1:.3f}" in verdict.message
    assert bool(verdict) == (words is None) == (loss < 0.01)
    if words:
        assert words in verdict.message
    if "close enough" in (words or ""):
        assert 0.01 < loss < 0.02  # between the bound and twice it


def test_named_mistakes_are_not_correct():
    assert not C.check_bce_grad(lambda p, y: np.where(y == 0, -bce_grad(p, y), bce_grad(p, y)))
    assert not C.check_bce_grad(lambda p, y: bce_grad(p, y) * len(p))
    assert not C.check_bce_grad(lambda p, y: bce_grad(p, y) * (1 + 1.5e-6))
    assert not C.check_tanh_derivative(lambda a: a * (1 - a))
    assert not C.check_identity_params({"W1": 1.0}, bias=2)
    assert not C.check_bias_free_choices(None)
    assert not C.check_bias_free_choices(",")
    assert not C.check_bias_free_choices("ACEZ")


def test_xor_weights_default_tolerance_is_0_1():
    s = 3.5  # outputs about 0.15 from their targets
    params = {**SOLUTION, "W2": np.array([[s], [-s]]), "b2": np.array([-s / 2])}
    gap = np.abs(outputs(params) - Y).max()
    assert 0.1 < gap < 0.2
    verdict = C.check_xor_weights(params)
    assert not verdict and "allowed distance 0.1" in verdict.message


def test_steps_that_do_not_move_or_go_wrong_are_not_correct():
    def unchanged(params, X, y, lr, *rest):
        return {k: v.copy() for k, v in params.items()}

    def climbing(params, X, y, lr):
        g = backward(params, X, y)
        return {k: params[k] + lr * g[k] for k in params}

    for check in (C.check_rising_cost_step, C.check_stuck_step, C.check_tanh_step):
        verdict = check(unchanged)
        assert not verdict and "unchanged: apply the step" in verdict.message
    verdict = C.check_rising_cost_step(climbing)
    assert not verdict and "the step it takes, as (old - new) / lr" in verdict.message

    def tanh_only_sigmoid(params, X, y, lr, hidden):  # right for sigmoid, not for tanh
        h = sig(X @ params["W1"] + params["b1"])
        out = sig(h @ params["W2"] + params["b2"])
        d_out = -2 * (y - out) * out * (1 - out)
        d_hid = (d_out @ params["W2"].T) * h * (1 - h)
        g = {"W1": X.T @ d_hid, "b1": d_hid.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}
        return {k: params[k] - lr * g[k] for k in params}

    verdict = C.check_tanh_step(tanh_only_sigmoid)
    assert not verdict and verdict.message.startswith("hidden='tanh'")


def test_climb_steps_that_do_not_move_or_go_wrong_are_not_correct():
    verdict = C.check_climb_step(lambda w, x, t, rate: w.copy())
    assert not verdict and "returned w unchanged" in verdict.message

    def no_bias_step(w, x, t, rate):  # the biases never move
        w1, b1, w2, b2 = w
        h = sig(w1 * x + b1)
        out = sig(w2 * h + b2)
        d = (out - t) * out * (1 - out)
        dh = d * w2 * h * (1 - h)
        return w - rate * np.array([np.sum(dh * x), 0.0, np.sum(d * h), 0.0])

    verdict = C.check_climb_step(no_bias_step)
    assert not verdict and "the step for b1, b2 is not -rate dE/dw" in verdict.message


def test_output_delta_mistakes_are_named_and_not_correct():
    right = lambda z, y: (sig(z) - y) / len(z)  # noqa: E731
    flipped = C.check_output_delta(lambda z, y: -right(z, y))
    assert not flipped and "the sign is flipped" in flipped.message
    n_times = C.check_output_delta(lambda z, y: right(z, y) * len(z))
    assert not n_times and "n times too large" in n_times.message

    def slope_at_p(z, y):  # dL/dp times the sigmoid's slope taken at p instead of z
        p = sig(z)
        return bce_grad(p, y) * sig(p) * (1 - sig(p))

    at_p = C.check_output_delta(slope_at_p)
    assert not at_p and "slope at the output p" in at_p.message


@pytest.mark.parametrize(
    "design, words",
    [
        ({"lr": 0.1, "epochs": 2.5}, "epochs must be a whole number"),
        ({"lr": 0.1, "epochs": 0}, "allows 1 to 2,000 epochs, got 0"),
        ({"lr": 0.1, "epochs": 2001}, "allows 1 to 2,000 epochs, got 2001"),
        ({"lr": 0.1, "epochs": 1, "init": "nope"}, "unknown init"),
        ({"lr": 0.1, "epochs": 1, "bias": False}, "without biases input (0, 0)"),
    ],
)
def test_relu_design_refusals_are_not_correct(design, words):
    verdict = C.check_relu_xor_design(design)
    assert not verdict and words in verdict.message


def test_a_training_result_is_not_a_design():
    result = xl.train_many(2, epochs=1)
    verdict = C.check_relu_xor_design(result)
    assert not verdict and "not the result of train_many" in verdict.message
