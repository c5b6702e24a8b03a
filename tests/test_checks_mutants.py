"""What a learner reads from the checks' shared parts (`exercises.gradients`, `.references`,
`.variants`): the phrases for wrong gradients and steps, the points a function is called on,
each student's numbers and the refusals. Each test here was written against a mutant of those
modules that the rest of the suite let through (`make mutation`); it asserts the learner's or
the grader's view, with every expected value computed here in plain numpy.
"""

import warnings

import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import gradients, references, variants

C = xl.checks
MEAN_N = "n = {n} times too large: the loss is a mean over the n samples"
B2 = "W1, b1, W2 right; b2: "


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def backward(scale=None, sign=1.0, divide_by=None, seen=None, m=None):
    """A learner's batched backward pass of the 2-h-1 net of `m`'s hidden layer and loss (None:
    the chapter's sigmoid and mean BCE), in plain numpy; `scale` multiplies some gradients
    ({name: factor}), `sign` all of them, `divide_by` replaces n; `seen` collects the shapes of
    W1 and X of each call."""
    tanh = m is not None and m["hidden"] == "tanh"
    mse = m is not None and m["loss"] == "mse"

    def fn(q, X, y):
        if seen is not None:
            seen.append((q["W1"].shape, X.shape))
        z = X @ q["W1"] + q["b1"]
        a = np.tanh(z) if tanh else sigmoid(z)
        p = sigmoid(a @ q["W2"] + q["b2"])
        d2 = (2 * (p - y) * p * (1 - p) if mse else p - y) / (divide_by or len(X))
        d1 = (d2 @ q["W2"].T) * (1 - a**2 if tanh else a * (1 - a))
        g = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": a.T @ d2, "b2": d2.sum(axis=0)}
        return {k: sign * (scale or {}).get(k, 1.0) * v for k, v in g.items()}

    return fn


def leaky_step(leak, seen=None, lr_factor=1.0):
    """A learner's step of stuck-at-half's exercise 5 (hidden max(z, leak z), mean BCE), in
    plain numpy; `lr_factor` scales the step; `seen` collects the shapes of A and X."""

    def fn(q, X, y, lr):
        if seen is not None:
            seen.append((q["A"].shape, X.shape))
        z1 = X @ q["A"] + q["a"]
        h = np.where(z1 > 0, z1, leak * z1)
        d2 = (sigmoid(h @ q["B"] + q["b"]) - y) / len(X)
        d1 = (d2 @ q["B"].T) * np.where(z1 > 0, 1.0, leak)
        g = {"A": X.T @ d1, "a": d1.sum(axis=0), "B": h.T @ d2, "b": d2.sum(axis=0)}
        return {k: q[k] - lr_factor * lr * g[k] for k in q}

    return fn


def a_student(chapter, wanted, course="ml101"):
    """The numbers of the first student id whose numbers satisfy `wanted`."""
    for i in range(500):
        m = variants.numbers_for(chapter, course, f"s{i}")
        if wanted(m):
            return m
    raise AssertionError("no such student in 500")


# --- the phrases, through the backward check ----------------------------------------------


@pytest.mark.parametrize(
    "fn, message",
    [
        (backward({"b2": 4.0}), B2 + MEAN_N.format(n=4) + "."),
        (backward({"b2": 0.25}), B2 + "1/n of the slope (n = 4): divided by n once too often."),
        (backward({"b2": 0.5}), B2 + "the right direction but 0.5 times the right length."),
        (backward({"b2": 1.23456}), B2 + "the right direction but 1.23 times the right length."),
        (backward({"b2": -1.0}), B2 + "the opposite direction: a sign is flipped."),
        (backward({"W2": 4.0}), "W1, b1, b2 right; W2: " + MEAN_N.format(n=4) + "."),
        (backward(sign=-1.0), "W1, b1, W2, b2: the opposite direction: a sign is flipped."),
    ],
)
def test_a_wrong_backward_hears_which_arrays_and_how(fn, message):
    verdict = C.check_backward(fn)
    assert verdict.message == "with 4 sample(s): " + message, verdict.message


def test_a_factor_that_changes_with_the_entry_is_named():
    def fn(q, X, y):
        g = backward()(q, X, y)
        return {**g, "W1": g["W1"] * np.array([[1.0, 1.3], [1.6, 1.9]])}

    assert C.check_backward(fn).message == (
        "with 4 sample(s): b1, W2, b2 right; W1: close to the slope's direction, but each entry "
        "is off by another factor: look for a factor that changes with the sample or the unit."
    )


def test_a_backward_that_fails_or_returns_no_dict_is_named():
    def raises(q, X, y):
        raise ValueError("shapes do not match")

    assert C.check_backward(raises).message == (
        "calling your backward raised ValueError: shapes do not match"
    )
    assert C.check_backward(lambda q, X, y: [1]).message == (
        "what your backward returned must be a dict with keys ['W1', 'b1', 'W2', 'b2'], got [1]."
    )


# --- the phrases for numbers a check cannot reach with n = 4 --------------------------------


@pytest.mark.parametrize(
    "r, n, mean, phrase",
    [
        (2.0, 2, True, MEAN_N.format(n=2)),
        (0.5, 2, True, "1/n of the slope (n = 2): divided by n once too often"),
        (0.5, 2, False, "1/n of the slope (n = 2): the loss is a sum, not a mean"),
        (4.0, 4, False, "the right direction but 4 times the right length"),
        (0.25 * 1.0004, 4, True, "1/n of the slope (n = 4): divided by n once too often"),
        (1.0005, 1, True, "the right direction but 1.0005 times the right length"),
        (1.001, 4, True, "the right direction but 1.001 times the right length"),
        (2.5, 4, True, "the right direction but 2.5 times the right length"),
    ],
)
def test_the_phrase_for_a_scaled_gradient(r, n, mean, phrase):
    """One entry (b2) and several (W1), r times the truth, for a loss over n samples."""
    for want in (np.array([0.3]), np.array([[0.3, -0.2], [0.1, 0.5]])):
        assert gradients.how_wrong(r * want, want, n, mean) == phrase


@pytest.mark.parametrize("slope", [0.0, 1e-310])  # none, and one the ratio overflows on
def test_one_entry_without_a_slope_is_not_the_slope_and_raises_no_warning(slope):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        phrase = gradients.how_wrong(np.array([0.3]), np.array([slope]), 4, True)
    assert phrase == "not the slope of the loss"


def test_one_entry_equal_to_one_is_a_ratio_like_any_other():
    assert gradients.how_wrong(np.array([2.0]), np.array([1.0]), 4, True) == (
        "the right direction but 2 times the right length"
    )


def test_a_step_a_mean_program_takes_n_times_too_long_is_named():
    m = a_student("case-stuck-at-half", lambda m: m["leak"] > 0)
    verdict = C.check_stuck_step(leaky_step(m["leak"], lr_factor=4.0), numbers=m)
    assert MEAN_N.format(n=4) in verdict.message, verdict.message


def test_a_step_that_fails_or_returns_no_dict_is_named():
    def raises(q, X, y, lr):
        raise KeyError("W1")

    assert C.check_stuck_step(raises).message == "calling your fixed_step raised KeyError: 'W1'"
    assert C.check_stuck_step(lambda q, X, y, lr: 0.4).message == (
        "what your fixed_step returned must be a dict with keys ['A', 'a', 'B', 'b'], got 0.4."
    )


# --- the points each function is called on --------------------------------------------------


def test_a_students_backward_is_called_on_4_7_and_1_samples_of_their_width():
    """The success message says "for 1, 4 and 7 samples"; the first are XOR's four."""
    for width in (2, 3):
        m = a_student("xor-done-right", lambda m, w=width: m["width"] == w)
        seen = []
        verdict = C.check_backward(backward(seen=seen, m=m), numbers=m)
        assert "for 1, 4 and 7 samples" in verdict.message, verdict
        assert seen == [((2, width), (4, 2)), ((2, width), (7, 2)), ((2, width), (1, 2))]


def test_a_hard_coded_n_of_4_is_caught_on_the_seven_samples():
    m = variants.numbers_for("xor-done-right", "ml101", "alice")
    verdict = C.check_backward(backward(divide_by=4, m=m), numbers=m)
    assert verdict.message == (
        "with 7 sample(s): W1, b1, W2, b2: the right direction but 1.75 times the right length."
    )


def test_the_chapters_network_at_width_2_is_the_chapters_program():
    """`backward_program("sigmoid", "bce", 2)`, the program a student's check falls back on to
    say "that is the chapter's network", calls a function where `BACKWARD` does."""
    ours = references.backward_program("sigmoid", "bce", 2).cases()
    for (p, X, y), (q, X0, y0) in zip(ours, references.BACKWARD.cases(), strict=True):
        assert all(np.array_equal(p[k], q[k]) for k in q)
        assert np.array_equal(X, X0) and np.array_equal(y, y0)


def test_a_students_leaky_step_is_called_at_10_and_3_units():
    """The success message says "for 3 and 10 units"."""
    m = a_student("case-stuck-at-half", lambda m: m["leak"] > 0)
    seen = []
    verdict = C.check_stuck_step(leaky_step(m["leak"], seen), numbers=m)
    assert verdict and "for 3 and 10 units" in verdict.message, verdict
    assert seen == [((2, 10), (4, 2)), ((2, 3), (7, 2)), ((2, 10), (5, 2))]


# --- each student's numbers, and the refusals --------------------------------------------------


def test_my_numbers_are_the_students_own(monkeypatch):
    monkeypatch.setenv(variants.STUDENT, "alice")
    own = variants.numbers_for("xor-done-right", "ml101", "alice")
    assert C.my_numbers("xor-done-right", "ml101") == own
    assert C.my_numbers("xor-done-right") == variants.numbers_for("xor-done-right", "", "alice")
    assert own != variants.numbers_for("xor-done-right", "", "alice")  # the course counts
    assert own != variants.numbers_for("xor-done-right", "ml101", "")  # not the chapter's


def test_graded_numbers_names_both_missing_ids(monkeypatch):
    monkeypatch.delenv(variants.STUDENT, raising=False)
    monkeypatch.delenv(variants.COURSE, raising=False)
    with pytest.raises(C.VariantError) as why:
        C.graded_numbers("xor-done-right")
    assert str(why.value) == (
        "XORLAB_STUDENT and XORLAB_COURSE not set: the grader sets both from nbgrader's ids; "
        "without them the expected answers cannot be computed"
    )


def test_a_module_without_per_student_numbers_is_named():
    """Every chapter's exercises have numbers now; a module of the checks without them (the
    shared gradient comparisons) is refused by name, not with an AttributeError."""
    with pytest.raises(C.VariantError) as why:
        variants.numbers_for("gradients", "ml101", "alice")
    assert str(why.value) == "the exercises of 'gradients' have no per-student numbers"


def test_a_foreign_numbers_dict_gets_the_whole_message():
    verdict = C.check_stuck_step(leaky_step(0.0), numbers={"leak": 0.1})
    assert str(verdict) == (
        "Not yet. numbers must be the dict xl.checks.my_numbers gave you (or None)."
    )
