"""The doctor's steps, report, runs and samples modules, for mutants that the other doctor
tests let through (`make mutation`, issue 27). Steps (is the reader's update a gradient step
at all?): the loss it measures against, what the moves at rates 0, r and 10 r show, a dot
product where an outer product belongs, a part in proportion to the weights, and the runs of
plain descent and Adam that verify it. Report: gradient and update judged together
(`_reconciled`, `_update_rule`), the gradient phase, the advice tried (`_checked`), the early
returns of `_examine`. Runs (whether a run's end solves) and samples (an epoch that never uses
some samples). Each test asserts what a reader sees (a finding's code, title or evidence) or
what a function returns; readers are plain namespaces, and expected values are computed here
in plain numpy."""

import warnings
from types import SimpleNamespace

import numpy as np
import pytest

from xorlab.core.gradcheck import check_gradients
from xorlab.doctor import report, runs, samples, steps
from xorlab.doctor.findings import Finding
from xorlab.doctor.reader import flatten

# ----------------------------------------------------------------------------- the loss

COL = np.array([[0.0], [1.0], [2.0]])
LABELS = np.array([[0.0], [1.0], [1.0]])


def unit(p, Z):
    """A sigmoid unit: (n, 1)."""
    return 1 / (1 + np.exp(-(Z @ p["w"] + p["b"])))


def line(p, Z):
    """A linear unit: (n, 1)."""
    return Z @ p["w"] + p["b"]


def unprinted(predict, w, b=0.0):
    p = {"w": np.array([[w]]), "b": np.array([b])}
    return SimpleNamespace(printed=None, predict=predict, params=p, X=COL, y=LABELS)


def test_a_printed_loss_is_the_loss_measured_against():
    def printed(p):
        return 1.0

    assert steps._loss(SimpleNamespace(printed=printed)) == (printed, "your loss")


def test_without_a_printed_loss_outputs_in_0_1_are_measured_with_the_mean_bce():
    loss, named = steps._loss(unprinted(unit, 0.5, -0.2))
    assert named == "the mean BCE"
    q = {"w": np.array([[1.5]]), "b": np.array([0.3])}  # not the start: the loss of any params
    out = 1 / (1 + np.exp(-(COL * 1.5 + 0.3)))
    bce = -np.mean(LABELS * np.log(out) + (1 - LABELS) * np.log(1 - out))
    assert type(loss(q)) is float and loss(q) == pytest.approx(bce, rel=1e-12)


def test_outputs_outside_0_1_are_measured_with_the_mean_squared_error():
    loss, named = steps._loss(unprinted(line, 1.5))
    assert named == "the mean squared error"
    q = {"w": np.array([[2.0]]), "b": np.array([1.0])}
    assert loss(q) == pytest.approx(np.mean((COL * 2 + 1 - LABELS) ** 2), rel=1e-12)


def test_outputs_no_standard_loss_is_finite_on_fall_back_to_the_mean_squared_error():
    loss, named = steps._loss(unprinted(line, np.nan))
    assert named == "the mean squared error"
    q = {"w": np.array([[2.0]]), "b": np.array([1.0])}
    assert loss(q) == pytest.approx(np.mean((COL * 2 + 1 - LABELS) ** 2), rel=1e-12)


def test_the_standard_loss_of_outputs_that_overflow_raises_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, named = steps._loss(unprinted(line, 1e200))
    assert named == "the mean squared error"


# ----------------------------------------------------------------------------- moves at rates

G = np.array([0.3, -0.4])  # what the rate multiplies: |G| = 0.5
SLOPE = np.array([0.16, -0.12])  # the loss's gradient: |SLOPE| = 0.2, cosine with G 0.96
AGREE = "what the rate multiplies against the loss's gradient: cosine +0.9600, length ratio 2.500"


def moved(at0, part1, part10, rate=1e-3):
    return {"moves": [at0, at0 + part1, at0 + part10], "rate": rate}


def rate_lines(probe, lr=0.5, slope=SLOPE):
    return steps._rate_lines(probe, SimpleNamespace(lr=lr), slope)


def test_moves_that_are_missing_or_not_finite_are_no_measure():
    zero = np.zeros(2)
    assert rate_lines({"moves": None, "rate": None}) is None
    assert rate_lines({"moves": [zero, None, zero], "rate": 1e-3}) is None
    assert rate_lines(moved(np.array([0.1, np.nan]), G, 10 * G)) is None


def test_the_same_move_at_every_rate_ignores_the_rate():
    at0 = np.array([0.3, -0.7])
    detail, lines = rate_lines(moved(at0, 0 * G, 0 * G, rate=1e-4))
    assert detail == ": it ignores the rate you named"
    assert lines == [
        "one epoch moves the weights by up to 0.7 at rates 0, 0.0001 and 0.001 alike: your "
        "update does not use the rate `lr` names (it uses none, or one of its own)"
    ]


def test_no_move_at_any_rate_is_no_measure():
    assert rate_lines(moved(np.zeros(2), 0 * G, 0 * G)) is None


def test_a_rate_that_moves_the_weights_at_one_rate_only_is_no_measure():
    at0 = np.array([0.3, -0.7])
    assert rate_lines(moved(at0, 0 * G, 1e-2 * G)) is None
    assert rate_lines(moved(at0, 1e-3 * G, 0 * G)) is None


def test_a_gradient_step_is_no_finding():
    assert rate_lines(moved(np.zeros(2), 1e-3 * G, 1e-2 * G)) is None


def test_a_move_at_rate_0_is_named_with_its_share_of_the_move_at_the_readers_rate():
    at0 = np.array([0.05, 0.1])
    detail, lines = rate_lines(moved(at0, 1e-3 * G, 1e-2 * G))
    share = np.linalg.norm(at0) / (np.linalg.norm(at0) + 0.5 * np.linalg.norm(G))
    assert detail == ": it moves the weights even at rate 0"
    assert lines == [
        f"one epoch at rate 0 changes the weights by up to 0.1 ({share:.0%} of the move at "
        "your rate 0.5)",
        AGREE,
    ]
    assert f"{share:.0%}" == "31%"


def test_a_move_at_rate_0_below_a_tenth_of_the_whole_is_no_finding():
    """|at0| = 0.02 against 0.02 + 0.5 |G| = 0.27: 7%."""
    assert rate_lines(moved(np.array([0.0, 0.02]), 1e-3 * G, 1e-2 * G)) is None


def test_a_move_at_rate_0_of_exactly_a_tenth_of_the_whole_is_named():
    """|at0| = 1, the rate's part at the reader's rate 9 (lr 4.5, |G| = 2): the whole 10."""
    g = np.array([1.2, 1.6])
    detail, _ = rate_lines(moved(np.array([1.0, 0.0]), 0.25 * g, 2.5 * g, 0.25), 4.5, g)
    assert detail == ": it moves the weights even at rate 0"


def test_a_move_that_grows_with_the_rate_squared_is_named():
    detail, lines = rate_lines(moved(np.zeros(2), 1e-6 * G, 1e-4 * G))
    assert detail == ": it scales with the rate squared"
    assert lines == [
        "one epoch at rates 0.001 and 0.01: the second moves the weights 100 times as far "
        "(a gradient step: 10 times)",
        AGREE,
    ]


def test_a_move_that_grows_with_another_power_of_the_rate_says_it():
    detail, lines = rate_lines(moved(np.zeros(2), 1e-3 * G, 10**2.5 * 1e-3 * G))
    assert detail == ": it scales with the rate to the power 2.50"
    assert lines[0].endswith("moves the weights 316 times as far (a gradient step: 10 times)")


def test_a_move_that_grows_to_a_length_of_exactly_1_is_measured():
    detail, _ = rate_lines(moved(np.zeros(2), np.array([0.01, 0.0]), np.array([1.0, 0.0]), 1.0))
    assert detail == ": it scales with the rate squared"


def test_the_share_of_a_move_at_rate_0_counts_the_rate_to_its_power():
    """At the rate squared, the part at the reader's rate 0.5 is 0.25 of |part1| / r**2."""
    at0 = np.array([0.05, 0.0])
    detail, lines = rate_lines(moved(at0, 1e-6 * G, 1e-4 * G))
    share = 0.05 / (0.05 + 0.25 * np.linalg.norm(G))
    assert detail == ": it moves the weights even at rate 0"
    assert lines[0].endswith(f"({share:.0%} of the move at your rate 0.5)")
    assert f"{share:.0%}" == "29%"


def test_a_move_that_grows_with_the_rate_to_the_power_1_5_is_named():
    up = 10**1.5
    assert np.log10(np.linalg.norm([up, 0.0]) / np.linalg.norm([1.0, 0.0])) == 1.5  # exactly
    detail, _ = rate_lines(moved(np.zeros(2), np.array([1.0, 0.0]), np.array([up, 0.0]), 1.0))
    assert detail == ": it scales with the rate to the power 1.50"


# ----------------------------------------------------------------------------- broken


@pytest.mark.parametrize(
    ("probe", "said"),
    [
        ({"broken": None, "moves": [], "broken_at_0": 1}, (False, False)),
        ({"broken": 2, "moves": None, "broken_at_0": None}, (True, False)),
        ({"broken": 2, "moves": [], "broken_at_0": 3}, (True, True)),
        ({"broken": 2, "moves": [], "broken_at_0": None}, (False, True)),
    ],
)
def test_a_run_that_breaks_at_once_is_broken_only_when_it_breaks_at_rate_0_too(probe, said):
    assert steps._broken(probe) == said


# ----------------------------------------------------------------------------- dot for outer

B_TRUE = np.array([5.0, -3.0])
W_TRUE = np.array([[0.1, 0.3], [0.2, 0.7]])  # trace 0.8


def dotted(W, true=W_TRUE, **more):
    """steps._dotted of grads {"b", "W", *more} against the loss's gradient b, `true`, zeros."""
    grads = {"b": np.ones(2), "W": np.asarray(W, float), **more}
    slope = np.concatenate([B_TRUE, np.ravel(true), *(np.zeros(v.size) for v in more.values())])
    return steps._dotted(SimpleNamespace(grads=grads), slope)


def test_one_number_added_to_every_entry_of_a_square_matrix_is_named_with_the_trace():
    W = [[0.25, 0.25 + 1e-8], [0.25, 0.25]]
    ((name, c, t),) = dotted(W)
    assert (name, c, t) == ("W", 0.25, pytest.approx(0.8, rel=1e-12))


@pytest.mark.parametrize(
    ("W", "true"),
    [
        (np.full((2, 3), 0.25), np.arange(6.0).reshape(2, 3)),  # not square
        (np.zeros((2, 2)), W_TRUE),  # no move
        ([[1.0, 1.5], [1.0, 1.0]], W_TRUE),  # the update varies
        (np.full((2, 2), 0.25), np.full((2, 2), 0.5)),  # so does not the gradient
        (np.full((2, 2), 0.25), [[1.0, 1.0], [1.0, 1.005]]),  # by half a hundredth only
    ],
)
def test_no_square_matrix_with_one_number_against_a_varying_gradient_is_no_finding(W, true):
    assert dotted(W, true) == []


def test_each_array_is_read_where_it_sits_in_the_flat_gradient():
    """A third array after W: its slice starts after b's and W's entries."""
    V = np.full((2, 2), -2.0)
    grads = {"b": np.ones(2), "W": np.array([[1.0, 2.0], [3.0, 4.0]]), "V": V}
    slope = np.concatenate([B_TRUE, W_TRUE.ravel(), 2 * W_TRUE.ravel()])
    ((name, c, t),) = steps._dotted(SimpleNamespace(grads=grads), slope)
    assert (name, c, t) == ("V", -2.0, pytest.approx(1.6, rel=1e-12))


def test_an_update_of_one_number_to_a_millionth_of_its_largest_entry_is_named():
    W = [[1e6, 1e6], [1e6, 999999.0]]  # the entries differ by exactly 1e-6 of the largest
    assert [k for k, _, _ in dotted(W)] == ["W"]


def test_a_gradient_that_varies_by_exactly_a_hundredth_of_its_largest_entry_is_no_finding():
    assert dotted(np.full((2, 2), 0.25), [[100.0, 100.0], [100.0, 99.0]]) == []


def test_a_flat_array_of_one_number_is_no_matrix():
    grads = {"v": np.full(4, 0.25)}
    assert steps._dotted(SimpleNamespace(grads=grads), W_TRUE.ravel()) == []


# ----------------------------------------------------------------------------- weighted

E = np.eye(6)


def weighted(g, w, slope, lr=0.5):
    """steps._weighted of flat vectors, as params {"W": (2, 2), "b": (2,)}."""

    def arrays(v):
        return {"W": np.reshape(v[:4], (2, 2)), "b": np.asarray(v[4:], float)}

    return steps._weighted(SimpleNamespace(grads=arrays(g), params=arrays(w), lr=lr), slope)


def test_a_part_in_proportion_to_the_weights_is_read_off_the_gradient():
    w = np.array([0.5, -1.0, 0.25, 2.0, -0.5, 1.0])
    slope = np.array([0.1, 0.2, -0.3, 0.05, 0.4, -0.1])
    share, detail, lines = weighted(0.8 * slope + 0.3 * w, w, slope)
    assert (share, detail) == (False, ": it also moves the weights in proportion to themselves")
    assert lines == [
        "the gradient read off your update is 0.8 times the loss's gradient plus 0.3 times the "
        "weights themselves (to 1e-3): every epoch also multiplies the weights by 0.85"
    ]


def test_a_part_in_the_weights_below_a_tenth_of_the_gradient_is_said_to_be_small():
    w, slope = E[1], E[0]
    share, *_ = weighted(slope + 0.05 * w, w, slope)  # |c w| / |g| = 0.05 / 1.00125
    assert share
    share, *_ = weighted(slope + 0.2 * w, w, slope)
    assert not share


@pytest.mark.parametrize(
    ("g", "slope"),
    [
        (E[0] + [0, 0.3, 0, 0, 0, np.nan], E[0]),
        (E[0] + 0.3 * E[1], E[0] + [0, 0, 0, 0, 0, np.inf]),
        (-0.5 * E[0] + 0.3 * E[1], E[0]),  # against the loss's gradient
        (E[0], E[0]),  # the loss's gradient alone
    ],
)
def test_no_fit_with_a_positive_part_of_the_loss_gradient_is_no_finding(g, slope):
    assert weighted(g, E[1], slope) is None


@pytest.mark.parametrize(("missed", "found"), [(0.9e-3, True), (1.1e-3, False)])
def test_the_fit_must_leave_less_than_a_thousandth(missed, found):
    """g = slope + w + a part along neither; the fit leaves that part, of |g| = sqrt 2."""
    g = E[0] + E[1] + missed * np.sqrt(2) * E[2]
    assert (weighted(g, E[1], E[0]) is not None) == found


@pytest.mark.parametrize(("ratio", "found"), [(10.5, True), (9.5, False)])
def test_the_gradient_alone_must_miss_by_more_than_ten_times_the_fit(ratio, found):
    """The part along neither slope nor w is 1e-4: the gradient alone misses by `ratio` x. The
    slope is 0.5 long (what is left of g off it does not depend on its length)."""
    left = 1e-4
    g = E[0] + np.sqrt(ratio**2 - 1) * left * E[1] + left * E[2]
    alone = np.linalg.norm(g - (g @ E[0]) * E[0])
    assert alone / left == pytest.approx(ratio)
    assert (weighted(g, E[1], 0.5 * E[0]) is not None) == found


def test_a_gradient_with_no_part_along_the_loss_gradient_is_no_finding():
    assert weighted(0.3 * E[1], E[1], E[0]) is None


def test_a_gradient_of_length_1_is_read_like_any_other():
    assert weighted(0.6 * E[0] + 0.8 * E[1], E[1], E[0]) is not None


@pytest.mark.parametrize(
    ("g", "slope", "small"),
    [
        ([7.0, 7.0, 1.0, 1.0, 0, 0], [7.0, 7.0, 1.0, 0, 0, 0], False),  # |c w| = 1 = |g| / 10
        ([10.0, 0, 0, 0.5, 0, 0], E[0], True),  # |g| = 10: 0.5 against 1.0
    ],
)
def test_a_part_in_the_weights_is_small_below_a_tenth_of_the_gradient(g, slope, small):
    share, *_ = weighted(np.array(g), E[3], np.array(slope))
    assert share is small


# ----------------------------------------------------------------------------- measured

WEIGHTS = {"v": np.array([1.0, 2.0])}


def measured(probe, slope=SLOPE, start=0.5, grads=None):
    """steps._measured with a probe that measured nothing but `probe`, gradient `grads` (the
    loss's own, twice, if None: no part in the weights), weights `WEIGHTS`, rate 0.5."""
    probe = {"broken": None, "broken_at_0": None, "moves": None, "rate": None} | probe
    grads = {"v": 2 * slope} if grads is None else grads
    reader = SimpleNamespace(grads=grads, params=WEIGHTS, lr=0.5)
    return steps._measured(reader, {"resets": False} | probe, slope, start)


BROKEN = "after 2 epoch(s) of your run a weight is NaN or infinite"
FINITE = "while the loss (0.6931) and its finite-difference gradient at the start are finite"


def test_an_optimiser_that_breaks_at_rate_0_too_is_named_and_reported_as_it_is():
    probe = {"broken": 2, "broken_at_0": 3, "moves": [], "resets": True}
    assert measured(probe, start=np.log(2)) == (
        "not_a_step",
        ": your optimiser breaks the weights within 2 update(s)",
        [f"{BROKEN}, and after 3 at rate 0, {FINITE}"],
        False,
        False,
        {},
    )


def test_an_optimiser_that_breaks_where_the_rate_cannot_be_set_is_reported_only_if_verified():
    code, _, lines, verified_only, weak, _ = measured({"broken": 2}, start=np.log(2))
    assert (code, lines, verified_only, weak) == (
        "not_a_step",
        [f"{BROKEN}, {FINITE}"],
        True,
        False,
    )


def test_a_break_is_not_named_when_the_loss_or_its_gradient_at_the_start_is_not_finite():
    assert measured({"broken": 2}, start=np.nan) is None
    assert measured({"broken": 2}, slope=np.array([0.16, np.nan])) is None


def test_weights_that_start_again_every_epoch_are_a_reset():
    code, detail, (line,), verified_only, weak, fields = measured({"resets": True})
    assert (code, detail, verified_only, weak, fields) == ("reset_each_epoch", "", False, False, {})
    assert line == (
        "where an epoch of your training ends does not depend on the weights it is given (two "
        "starts 1e-3 apart end at the same weights): each epoch starts again from weights of "
        "its own, not from those the last epoch left"
    )


def test_every_square_matrix_updated_by_one_number_is_named():
    grads = {"W": np.full((2, 2), 0.25), "V": np.full((2, 2), -2.0)}
    slope = np.concatenate([W_TRUE.ravel(), 2 * W_TRUE.ravel()])
    assert measured({}, slope=slope, grads=grads) == (
        "dot_for_outer",
        "",
        [
            "W: every entry of its update is 0.25; the loss's gradient there varies, and its "
            "trace is 0.8",
            "V: every entry of its update is -2; the loss's gradient there varies, and its "
            "trace is 1.6",
        ],
        False,
        False,
        {"array": "W, V"},
    )


def test_moves_at_rates_are_named_when_they_show_no_gradient_step():
    free = moved(np.array([0.05, 0.1]), 1e-3 * G, 1e-2 * G)
    code, detail, lines, verified_only, weak, fields = measured(free, grads={})
    assert (code, detail, verified_only, weak, fields) == (
        "not_a_step",
        ": it moves the weights even at rate 0",
        False,
        False,
        {},
    )
    assert lines[1] == AGREE
    step = {"moves": [np.zeros(2), 1e-3 * G, 1e-2 * G], "rate": 1e-3}
    assert measured(step, grads={"v": SLOPE + WEIGHTS["v"]}) is None  # no fit read when rated


@pytest.mark.parametrize(("c", "weak"), [(0.3, False), (0.005, True)])
def test_with_no_rate_to_set_a_part_in_the_weights_is_named_weak_when_small(c, weak):
    grads = {"v": SLOPE + c * WEIGHTS["v"]}
    code, detail, _, verified_only, is_weak, fields = measured({}, grads=grads)
    assert (code, verified_only, is_weak, fields) == ("not_a_step", False, weak, {})
    assert detail == ": it also moves the weights in proportion to themselves"


def test_no_part_in_the_weights_and_nothing_else_is_no_finding():
    assert measured({}) is None


# ----------------------------------------------------------------------------- textbook runs

START = {"a": np.array([1.0, -2.0]), "B": np.array([[0.5], [0.0]]), "c": np.array([2.0])}
AIM = np.array([3.0, 1.0, 1.0, -1.0, 0.5])  # the minimum of `bowl`, flat
BENT = np.array([1.0, 1.0, 2.0, 2.0, 1.0])  # each entry's curvature / 2


def bowl(p, k=1.0):
    """A quadratic loss of three arrays, its minimum at `AIM`, times k."""
    return k * float(np.sum(BENT * (flatten(p.values()) - AIM) ** 2))


def bowl_runs(lr, steps_, adam, k):
    """Plain descent or Adam on `bowl` (times k) from START, with its exact gradient: losses."""
    v, m, s = flatten(START.values()), 0.0, 0.0
    losses = [bowl(START, k)]
    for t in range(1, steps_ + 1):
        g = 2 * k * BENT * (v - AIM)
        if adam:
            m, s = 0.9 * m + 0.1 * g, 0.999 * s + 0.001 * g**2
            g = m / (1 - 0.9**t) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
        v = v - lr * g
        losses.append(k * np.sum(BENT * (v - AIM) ** 2))
    return np.array(losses)


@pytest.mark.parametrize(("adam", "k"), [(False, 1.0), (True, 1.0), (True, 1e-6)])
def test_plain_descent_and_adam_follow_the_finite_difference_gradient(adam, k):
    """At k = 1e-6 the gradient is about 1e-6: Adam's epsilon (1e-8) shows."""
    reader = SimpleNamespace(params=START, lr=0.1, predict=None)
    solved, losses = steps._plain(reader, lambda p: bowl(p, k), 6, adam)
    expected = bowl_runs(0.1, 6, adam, k)
    np.testing.assert_allclose(losses, expected, rtol=1e-7)
    assert solved == (expected[-1] < 0.5 * expected[0])
    assert START["a"].tolist() == [1.0, -2.0]  # the reader's start is not moved


def test_plain_descent_is_the_default_and_stops_at_a_loss_that_is_not_finite():
    """exp(a**2) from a = 1 at rate 5: the first step lands at a = 1 - 10 e (a finite loss near
    1e298), the second beyond what a float holds. No warning reaches the reader."""
    reader = SimpleNamespace(params={"a": np.array([1.0])}, lr=5.0, predict=None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        solved, losses = steps._plain(reader, lambda p: float(np.exp(p["a"][0] ** 2)), 5)
    assert not solved and len(losses) == 3 and losses[2] == np.inf
    assert losses[:2] == pytest.approx([np.e, np.exp((1 - 10 * np.e) ** 2)], rel=1e-6)


def well(p):
    return float((p["a"][0] - 1) ** 2)


def one(epochs, predict=None):
    """A reader of one weight at 0, rate 0.1, 0/1 targets of two samples."""
    X, y = np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])
    return SimpleNamespace(
        params={"a": np.array([0.0])}, lr=0.1, epochs=epochs, predict=predict, X=X, y=y
    )


def never(p, Z):
    """Outputs that never fit: every one at the targets' middle."""
    return np.full((len(Z), 1), 0.5)


def told(losses):
    return f"loss {losses[0]:.4f} -> {losses[-1]:.4f} in {len(losses) - 1} steps"


def said(name, losses, end):
    rest = "with the finite-difference gradient of the well, from your start at your rate 0.1"
    return f"{name} {rest}: {told(losses)}{end}"


def well_run(steps_, adam=False):
    """Plain descent or Adam on `well` from 0, rate 0.1: losses."""
    a, m, s, losses = 0.0, 0.0, 0.0, [1.0]
    for t in range(1, steps_ + 1):
        g = 2 * (a - 1)
        if adam:
            m, s = 0.9 * m + 0.1 * g, 0.999 * s + 0.001 * g * g
            g = m / (1 - 0.9**t) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
        a -= 0.1 * g
        losses.append((a - 1) ** 2)
    return np.array(losses)


def test_plain_descent_that_solves_is_the_check_and_runs_at_most_5000_steps():
    """Even where the reader's run ends at 0 (a solution needs no lower end)."""
    checked, tried = steps.textbook(one(5001), well, np.array([1.0, 0.0]), "the well")
    end = ", every output on the right side"
    assert (checked, tried) == (
        f"checked: {said('plain gradient descent', well_run(5000), end)}",
        [],
    )


@pytest.mark.parametrize("yours", [[1.0, 0.001, 0.9], [1.0, 0.2, np.nan]])
def test_a_run_that_falls_below_half_where_yours_ends_is_the_check(yours):
    """Where yours ends, not where it was a step after its start."""
    checked, tried = steps.textbook(one(10, never), well, np.array(yours), "the well")
    end = ", below half where yours ends"
    assert (checked, tried) == (f"checked: {said('plain gradient descent', well_run(10), end)}", [])


def test_a_run_whose_last_loss_only_is_below_half_where_yours_ends_is_the_check():
    plain = well_run(9)
    yours = np.array([1.0, plain[-1] / 0.45])  # the step before ends at 0.70 of it
    checked, _ = steps.textbook(one(9, never), well, yours, "the well")
    assert (
        checked
        == f"checked: {said('plain gradient descent', plain, ', below half where yours ends')}"
    )


PLAIN9, ADAM9 = well_run(9), well_run(9, adam=True)
_, RUN9 = steps._plain(one(9), well, 9)  # its finite differences: the end to round-off


@pytest.mark.parametrize("end", [max(PLAIN9[-1], ADAM9[-1]) / 0.9, 2 * RUN9[-1]])
def test_runs_that_end_above_half_where_yours_ends_are_tried_and_no_check(end):
    """Each ends at 0.5 (plain descent's run, exactly) to 0.9 of where yours ends."""
    assert 0.5 <= RUN9[-1] / end < 0.7 and 0.5 < ADAM9[-1] / end <= 0.9
    checked, tried = steps.textbook(one(9, never), well, np.array([1.0, end]), "the well")
    assert checked is None
    assert tried == [
        f"tried: {said('plain gradient descent', PLAIN9, '')}",
        f"tried: {said('Adam (0.9, 0.999, 1e-8)', ADAM9, '')}",
    ]


def test_adam_is_the_check_when_plain_descent_does_not_fall():
    def shallow(p):
        return 1e-4 * float((p["a"][0] - 3) ** 2)

    checked, tried = steps.textbook(one(40), shallow, np.array([np.nan]), "the well")
    assert len(tried) == 1 and tried[0].startswith("tried: plain gradient descent")
    assert tried[0].endswith("loss 0.0009 -> 0.0009 in 40 steps")
    assert checked.startswith("checked: Adam (0.9, 0.999, 1e-8) with the finite-difference")
    assert checked.endswith(" in 40 steps, every output on the right side")


# ----------------------------------------------------------------------------- examine

TARGET = np.array([1.0, 2.0])
SIDE = np.array([[1.0, 0.0], [-1.0, 0.0]])  # a sigmoid unit's two samples, labels 1 and 0


def bowl2(p):
    return float(np.sum((p["w"] - TARGET) ** 2))


def descend(p, g):
    return {k: p[k] - 0.1 * g[k] for k in p}


def stay(p, g):
    return {k: v.copy() for k, v in p.items()}


def sided(p, Z):
    return 1 / (1 + np.exp(-(Z @ p["w"])))[:, None]


def examine(probe, step=stay, loss=bowl2, w=(0.0, 0.0), grads=None, predict=None):
    """steps.examine of a reader of weights w, 20 epochs of `step` at rate 0.1, whose probe
    measured `probe` (else nothing), its gradient `grads` (the loss's own if None): (what
    examine returns, how many times the reader's step ran)."""
    p = {"w": np.array(w)}

    def train(q, g):
        train.calls += 1
        return step(q, g)

    train.calls = 0
    train.probe = lambda: (
        {"broken": None, "broken_at_0": None, "moves": None, "rate": None}
        | {
            "resets": False,
            **probe,
        }
    )
    reader = SimpleNamespace(
        step=train,
        printed=loss,
        params=p,
        grads={"w": 2 * (p["w"] - TARGET)} if grads is None else grads,
        gradient=lambda q: {"w": 2 * (q["w"] - TARGET)},
        lr=0.1,
        epochs=20,
        predict=predict,
        X=SIDE,
        y=np.array([[1.0], [0.0]]),
    )
    return steps.examine(reader), train.calls


def descent(lr=0.1, epochs=20, w=(0.0, 0.0)):
    """Plain descent on bowl2 with its exact gradient: losses."""
    w, losses = np.array(w), [bowl2({"w": np.array(w)})]
    for _ in range(epochs):
        w = w - lr * 2 * (w - TARGET)
        losses.append(bowl2({"w": w}))
    return np.array(losses)


def test_a_step_without_a_probe_is_not_examined():
    assert steps.examine(SimpleNamespace(step=stay)) is None


def test_a_probe_that_shows_a_gradient_step_is_no_finding():
    step = {"moves": [np.zeros(2), 1e-3 * G, 1e-2 * G], "rate": 1e-3}
    assert examine(step)[0] is None


def test_an_update_that_starts_again_but_trains_is_healthy_with_its_run():
    (finding, summary, yours), _ = examine({"resets": True}, descend)
    expected = descent()
    assert finding is None
    assert (
        summary
        == f"your update starts again, and it trains: {told(expected)}, below half its start"
    )
    np.testing.assert_allclose(yours, expected, rtol=1e-12)


def test_an_update_that_moves_at_rate_0_but_solves_says_so_in_the_summary():
    free = moved(np.array([0.5, 0.5]), 1e-3 * G, 1e-2 * G)
    (finding, summary, yours), _ = examine(free, descend, predict=sided)
    expected = descent()
    assert finding is None
    assert summary == (
        f"your update moves the weights even at rate 0, and it trains: {told(expected)}, every "
        "output on the right side"
    )


def test_a_small_part_in_the_weights_is_not_named_when_the_run_does_not_solve():
    w = np.array([0.5, -0.5])
    slope = 2 * (w - TARGET)
    assert examine({}, w=w, grads={"w": slope + 0.005 * w})[0] is None
    (finding, summary, run), _ = examine({}, w=w, grads={"w": slope + 5 * w})
    assert (finding.code, summary, run) == ("not_a_step", "", None)
    assert finding.title == (
        "Your update rule is not a gradient step: it also moves the weights in proportion to "
        "themselves"
    )
    lines = finding.evidence.splitlines()
    still = bowl2({"w": w})
    assert lines[1:] == [
        f"your run: loss {still:.4f} -> {still:.4f} in 20 steps",
        "checked: plain gradient descent with the finite-difference gradient of your loss, from "
        f"your start at your rate 0.1: {told(descent(w=w))}, every output on the right side",
    ]


def test_an_optimiser_that_breaks_is_not_run_again_and_is_named_once_verified():
    (finding, summary, run), calls = examine({"broken": 1}, descend)
    assert (finding.code, summary, run, calls) == ("not_a_step", "", None, 0)
    assert finding.title.endswith(": your optimiser breaks the weights within 1 update(s)")
    assert finding.evidence.splitlines() == [
        "after 1 epoch(s) of your run a weight is NaN or infinite, while the loss (5.0000) and "
        "its finite-difference gradient at the start are finite",
        "checked: plain gradient descent with the finite-difference gradient of your loss, from "
        f"your start at your rate 0.1: {told(descent())}, every output on the right side",
    ]


def flat(p):
    return 1.0


def test_a_break_that_plain_descent_does_not_verify_is_no_finding():
    assert examine({"broken": 1}, loss=flat) == (None, 0)


def test_a_reset_that_nothing_trains_either_cannot_be_told():
    (finding, summary, run), calls = examine({"resets": True}, loss=flat)
    assert (finding.code, summary, run, calls) == ("cannot_tell", "", None, 20)
    rest = "with the finite-difference gradient of your loss, from your start at your rate 0.1"
    assert finding.evidence.splitlines()[1:] == [
        "your run: loss 1.0000 -> 1.0000 in 20 steps",
        f"tried: plain gradient descent {rest}: loss 1.0000 -> 1.0000 in 20 steps",
        f"tried: Adam (0.9, 0.999, 1e-8) {rest}: loss 1.0000 -> 1.0000 in 20 steps",
        "so I cannot tell what else keeps it from training",
    ]


def test_without_a_printed_loss_the_check_names_the_standard_loss():
    def broken(q, g):
        return q

    broken.probe = lambda: {"broken": 1, "moves": None, "broken_at_0": None, "resets": False}
    p = {"w": np.array([-1.0, 0.0])}  # outputs 0.27 and 0.73: each on the wrong side
    reader = SimpleNamespace(
        step=broken,
        printed=None,
        params=p,
        grads={"w": np.zeros(2)},
        gradient=lambda q: {"w": np.zeros(2)},
        lr=1.0,
        epochs=50,
        predict=sided,
        X=SIDE,
        y=np.array([[1.0], [0.0]]),
    )
    finding, _, _ = steps.examine(reader)
    assert (
        "checked: plain gradient descent with the finite-difference gradient of the mean BCE"
        in (finding.evidence)
    )


# ----------------------------------------------------------------------------- report

TA, TB = np.array([1.0, 2.0]), np.array([-1.0])


def two(p):
    """A quadratic loss of two arrays, its minimum at a = TA, b = TB."""
    return float(np.sum((p["a"] - TA) ** 2) + np.sum((p["b"] - TB) ** 2))


def slope_of_two(p):
    return {"a": 2 * (p["a"] - TA), "b": 2 * (p["b"] - TB)}


def two_reader(gradient=slope_of_two, step=descend, predict=None, loss=two, more=None):
    """A reader of `loss` at a = b = 0 (and the params `more`), whose gradient (read off its
    update) is `gradient`, 20 epochs of `step` at rate 0.1."""

    def train(q, g):
        train.calls += 1
        return step(q, g)

    train.calls = 0
    p = {"a": np.zeros(2), "b": np.zeros(1)} | (more or {})
    return SimpleNamespace(
        params=p,
        grads=gradient(p),
        gradient=gradient,
        printed=loss,
        predict=predict,
        step=train,
        X=SIDE,
        y=np.array([[1.0], [0.0]]),
        lr=0.1,
        epochs=20,
        floor=1e-8,
        implied=True,
    )


def two_run(scale=1.0):
    """Plain descent on `two` with `scale` times its gradient, 20 steps at 0.1: losses."""
    v, t, losses = np.zeros(3), np.array([1.0, 2.0, -1.0]), [two({"a": TA * 0, "b": TB * 0})]
    for _ in range(20):
        v = v - 0.1 * scale * 2 * (v - t)
        losses.append(float(np.sum((v - t) ** 2)))
    return np.array(losses)


def found(*codes):
    return [Finding.of(c, f"seen {c}") for c in codes]


def reconciled(reader, findings):
    return report._reconciled(reader, two, findings)


def test_without_a_wrong_way_finding_or_with_a_sign_flip_alone_nothing_is_reconciled():
    for codes in [("lr_too_small",), ("sign_flip", "lr_too_small")]:
        r, findings = two_reader(), found(*codes)
        assert reconciled(r, findings) == ("", None)
        assert [f.code for f in findings] == list(codes) and r.step.calls == 0


def test_a_climbing_update_without_outputs_is_not_reconciled():
    r, findings = two_reader(), found("update_climbs")
    assert reconciled(r, findings) == ("", None) and r.step.calls == 0


def test_a_wrong_way_pair_whose_run_does_not_solve_is_kept():
    r, findings = two_reader(step=stay), found("sign_flip", "update_climbs")
    assert reconciled(r, findings) == ("", None)
    assert [f.code for f in findings] == ["sign_flip", "update_climbs"]


def test_a_flipped_gradient_that_the_update_adds_and_that_solves_is_reconciled():
    r, findings = two_reader(), found("sign_flip", "update_climbs", "lr_too_small")
    summary, losses = reconciled(r, findings)
    expected = two_run()
    assert summary == (
        "your gradient has the opposite sign and your update adds it: together they descend, "
        f"and it trains: {told(expected)}, below half its start"
    )
    np.testing.assert_allclose(losses, expected, rtol=1e-12)
    assert [f.code for f in findings] == ["lr_too_small"]


def test_a_climbing_update_that_solves_is_a_loss_to_maximise():
    r, findings = two_reader(predict=lambda p, Z: sided({"w": p["a"]}, Z)), found("update_climbs")
    summary, losses = reconciled(r, findings)
    assert summary == (
        "your update climbs the loss you give (one to maximise), and it trains: "
        f"{told(two_run())}, every output on the right side"
    )
    np.testing.assert_allclose(losses, two_run(), rtol=1e-12)
    assert findings == []


def gradcheck(gradient):
    """The gradient check of `gradient` against `two` at the start."""
    return check_gradients(two, gradient, {"a": np.zeros(2), "b": np.zeros(1)})


def scaled(sa, sb):
    return lambda p: {"a": sa * 2 * (p["a"] - TA), "b": sb * 2 * (p["b"] - TB)}


def signs(p):
    """Every entry of the slope's sign, none in proportion to it (as Adam's first step)."""
    return {k: 0.3 * np.sign(v) for k, v in slope_of_two(p).items()}


def update_rule(gradient, codes, step=descend):
    r, findings = two_reader(gradient, step), found(*codes)
    said = report._update_rule(r, two, findings, gradcheck(gradient))
    return said, [f.code for f in findings], findings, r.step.calls


def test_with_no_gradient_finding_the_update_rule_is_not_read():
    assert update_rule(scaled(2, 2), ["lr_too_small"])[::3] == (("", None), 0)


def test_a_wrong_gradient_in_some_arrays_only_is_not_read_as_the_rule():
    said, codes, _, calls = update_rule(scaled(2, 1), ["wrong_gradient"])
    assert (said, codes, calls) == (("", None), ["wrong_gradient"], 0)


def test_a_constant_factor_in_some_arrays_that_trains_is_a_rate_of_their_own():
    (summary, losses), codes, _, _ = update_rule(scaled(2, 1), ["constant_scale", "lr_too_small"])
    assert summary == (
        "your update steps along the slope with a rate of their own for some arrays (a 2x: a "
        "rate per layer, or a 1/n missing or doubled there), and it trains: "
        f"{told(losses)}, below half its start"
    )
    assert codes == ["lr_too_small"] and losses[-1] < 0.5 * losses[0]


def test_a_constant_factor_in_some_arrays_that_does_not_train_is_kept():
    said, codes, _, calls = update_rule(scaled(2, 1), ["constant_scale"], stay)
    assert (said, codes, calls) == (("", None), ["constant_scale"], 20)


def test_a_gradient_astray_in_every_array_that_trains_is_the_update_rule():
    (summary, losses), codes, _, _ = update_rule(signs, ["wrong_gradient", "lr_too_small"])
    assert summary == (
        "your update does not step along the slope of your loss (momentum, an adaptive rate or "
        f"clipping would not), and it trains: {told(losses)}, below half its start"
    )
    assert codes == ["lr_too_small"]


def test_same_signs_everywhere_in_a_run_that_does_not_train_is_the_rule_or_the_gradient():
    said, codes, findings, _ = update_rule(signs, ["wrong_gradient", "lr_too_small"], stay)
    assert said == ("", None) and codes == ["lr_too_small", "rule_or_gradient"]
    assert findings[1].evidence.splitlines() == [
        report.RULE_OR,
        "your run: loss 6.0000 -> 6.0000 in 20 steps",
        "checked: plain gradient descent with the finite-difference gradient of your loss, from "
        f"your start at your rate 0.1: {told(two_run())}, every output on the right side",
    ]


def test_same_signs_where_no_textbook_update_trains_cannot_be_told():
    r, findings = two_reader(signs, stay), found("data_factor")
    r.epochs = 1  # one step of plain descent leaves 0.64 of the loss: not below half
    assert report._update_rule(r, two, findings, gradcheck(signs)) == ("", None)
    (f,) = findings
    assert f.code == "cannot_tell"
    assert f.evidence.splitlines() == [report.RULE_OR, "your run: loss 6.0000 -> 6.0000 in 1 steps"]


def test_a_tiny_step_in_every_array_that_does_not_train_is_a_rate_too_small():
    said, codes, findings, _ = update_rule(scaled(1e-4, 1e-4), ["constant_scale"], stay)
    assert said == ("", None) and codes == ["lr_too_small"]
    assert findings[0].where == report.TINY_WHERE


@pytest.mark.parametrize(
    ("gradient", "codes"),
    [
        (scaled(2, 2), ["constant_scale"]),  # not tiny
        (scaled(-2, -0.5), ["wrong_gradient"]),  # not the slope's signs
        (signs, ["wrong_gradient", "zero_gradient"]),  # not only wrong or data-dependent
        (scaled(1e-4, 1e-4), ["constant_scale", "zero_gradient"]),  # tiny, not a factor alone
    ],
)
def test_other_gradients_astray_everywhere_in_a_run_that_does_not_train_are_kept(gradient, codes):
    said, kept, _, _ = update_rule(gradient, codes, stay)
    assert (said, kept) == (("", None), codes)


FIT = "Adam did not fit it either\nloss 6.0000 -> 6.0000 in 20 steps"


def test_without_predict_a_capacity_finding_cannot_be_told_and_yields_to_a_cause():
    r = two_reader(step=stay)
    fit = Finding.of("cannot_fit", FIT)
    assert [f.code for f in report._checked(r, two, [fit, *found("wrong_gradient")], False)] == [
        "wrong_gradient"
    ]
    fit = Finding.of("cannot_fit", FIT)
    (f,) = report._checked(r, two, [fit], False)
    assert (f.code, f.evidence) == (
        "cannot_tell",
        "without predict I cannot check whether the outputs fit the data\n"
        "your run: loss 6.0000 -> 6.0000 in 20 steps",
    )
    r.predict = sided
    fit = Finding.of("cannot_fit", FIT)
    assert report._checked(r, two, [fit], False) == [fit]


def test_a_loss_that_overflows_at_the_start_is_examined_without_a_warning():
    def steep(p):
        return float(np.sum(np.exp(800 * p["w"])))

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert examine({"broken": 1}, loss=steep, w=(1.0, 1.0)) == (None, 0)


def test_a_dot_product_where_an_outer_product_belongs_is_named_with_its_array():
    aim = np.array([[1.0, 2.0], [3.0, 5.0]])

    def square(p):
        return float(np.sum((p["W"] - aim) ** 2))

    def train(p, g):
        return {k: v.copy() for k, v in p.items()}

    train.probe = lambda: {"broken": None, "broken_at_0": None, "moves": None, "resets": False}
    W = np.zeros((2, 2))
    reader = SimpleNamespace(
        step=train,
        printed=square,
        params={"W": W},
        grads={"W": np.full((2, 2), -2.75)},
        gradient=lambda q: {"W": np.full((2, 2), -2.75)},
        lr=0.1,
        epochs=20,
        predict=None,
    )
    finding, _, _ = steps.examine(reader)
    assert finding.code == "dot_for_outer"
    assert finding.title == (
        "Your update rule adds one number to every entry of W: a dot product where an outer "
        "product belongs"
    )
    assert finding.evidence.splitlines()[0] == (
        "W: every entry of its update is -2.75; the loss's gradient there varies, and its trace "
        "is -12"
    )


def test_a_gradient_both_wrong_and_data_dependent_with_the_slopes_signs_is_rule_or_gradient():
    said, codes, _, _ = update_rule(signs, ["wrong_gradient", "data_factor"], stay)
    assert said == ("", None) and codes == ["rule_or_gradient"]


def test_a_rate_of_their_own_that_solves_with_outputs_says_every_output_fits():
    r, findings = (
        two_reader(scaled(2, 1), predict=lambda p, Z: sided({"w": p["a"]}, Z)),
        found("constant_scale"),
    )
    summary, losses = report._update_rule(r, two, findings, gradcheck(scaled(2, 1)))
    assert summary.endswith(f"and it trains: {told(losses)}, every output on the right side")
    assert findings == []


def test_a_finding_whose_advice_fails_says_how_the_gradient_and_the_run_stood():
    r = two_reader(step=stay)
    (f,) = report._checked(r, flat, found("lr_too_small"), True, np.array([1.0, 0.75]))
    lines = f.evidence.splitlines()
    assert f.code == "cannot_tell"
    assert lines[0] == "the gradient agrees with finite differences of the loss"
    assert lines[-1] == (
        "larger steps did not make the loss fall below where your own run ends (0.7500), so "
        "that is not the fix"
    )


def phase(gradient, notes=(), predict=None, lr=0.1):
    """report._gradient_phase on a reader of `two` whose gradient is `gradient`, after the
    findings `notes`: (report, the loss, gradient_ok, the findings' codes, the findings)."""
    r = two_reader(gradient, predict=predict)
    r.lr, r.rng = lr, np.random.default_rng(0)
    findings = list(notes)
    out = report._gradient_phase(r, findings)
    return (*out, [f.code for f in findings], findings)


def test_a_right_gradient_passes_the_gradient_phase():
    checks, loss, ok, codes, _ = phase(slope_of_two)
    assert (loss, ok, codes) == (two, True, []) and checks.failing == []


def test_a_gradient_read_off_an_update_within_the_probes_error_is_right():
    """1.0005 times the slope: off by more than 1e-5, along it within 1e-3."""
    _, _, ok, codes, _ = phase(scaled(1.0005, 1.0005))
    assert (ok, codes) == (True, [])


def test_a_wrong_gradient_without_predict_is_named_and_says_predict_would_tell():
    _, _, ok, codes, findings = phase(scaled(2, 2))
    assert (ok, codes) == (False, ["constant_scale"])
    assert findings[0].title == "Gradient off by a constant factor in a, b"
    assert findings[0].evidence.endswith(f"\n{report.NO_PREDICT}")
    assert findings[0].evidence.startswith("a: ")


def test_a_gradient_that_holds_the_rate_is_named_with_it():
    _, _, _, codes, findings = phase(scaled(0.3, 0.3), lr=0.3)
    assert codes == ["constant_scale"]
    assert findings[0].title.endswith(": your learning rate")


def test_a_flipped_sign_already_named_leaves_the_gradient_unjudged():
    _, _, ok, codes, _ = phase(scaled(-1, -1), notes=found("sign_flip"))
    assert (ok, codes) == (False, ["sign_flip"])


def test_outputs_that_never_change_end_the_examination_after_the_adapters_findings():
    r = two_reader(predict=lambda p, Z: np.full((len(Z), 1), 0.25))
    diagnosis = report._examine(r, found("lr_too_small"), None, False)
    assert diagnosis.codes == ["constant_output", "lr_too_small"]
    assert (diagnosis.gradcheck, diagnosis.losses, diagnosis.summary) == (None, None, "")
    assert r.step.calls == 0


def three(p):
    """`two` and a third array, c, its minimum at 0.5."""
    return two(p) + float(np.sum((p["c"] - 0.5) ** 2))


@pytest.mark.parametrize(
    ("sb", "said"),
    [(3.0, "a 2x, b 3x"), (1.0005, "a 2x")],  # b within the probe's error
)
def test_a_rate_of_their_own_names_each_array_off_the_slope_by_a_factor(sb, said):
    def gradient(p):
        return scaled(2, sb)(p) | {"c": 2 * (p["c"] - 0.5)}

    r = two_reader(gradient, loss=three, more={"c": np.zeros(1)})
    findings = found("constant_scale")
    checks = check_gradients(three, gradient, {k: v.copy() for k, v in r.params.items()})
    summary, _ = report._update_rule(r, three, findings, checks)
    assert summary.startswith(
        f"your update steps along the slope with a rate of their own for some arrays ({said}: "
    )


def test_targets_the_outputs_cannot_reach_end_the_examination_of_a_gradient_read_off_an_update():
    """Targets 1 and -1, sigmoid outputs: the reader's training ends at outputs 0.62 and 0.38;
    the same training on the targets mapped onto [0, 1] ends at 0.95 and 0.05."""

    def ending_at(w):
        def train(p, g):
            return {"a": np.array(w), "b": np.zeros(1)}

        train.ignores_grads = True
        return train

    mapped = ending_at([3.0, 0.0])
    mapped.bounds = (-1.0, 1.0)
    r = two_reader(step=ending_at([0.5, 0.0]), predict=lambda p, Z: sided({"w": p["a"]}, Z))
    r.step.mapped, r.y = mapped, np.array([[1.0], [-1.0]])
    diagnosis = report._examine(r, found("lr_too_small"), None, True)
    assert diagnosis.codes == ["unreachable_targets", "lr_too_small"]
    assert (diagnosis.gradcheck, diagnosis.losses, diagnosis.summary) == (None, None, "")
    assert diagnosis.findings[0].evidence.startswith(
        "your targets run from -1 to 1; your outputs stay within [0, 1]: after your run they "
        "span 0.378 to 0.622"
    )


def probed(probe, step=descend):
    """A reader of `two` whose update (read off, `implied`) measured `probe`."""
    r = two_reader(step=step)
    r.step.probe = lambda: (
        {"broken": None, "broken_at_0": None, "moves": None, "resets": False} | (probe)
    )
    return r


def test_an_update_that_is_no_gradient_step_but_trains_is_healthy_with_its_run():
    diagnosis = report._examine(probed({"resets": True}), [], None, True)
    assert diagnosis.healthy and diagnosis.gradcheck is None
    assert diagnosis.summary == (
        f"your update starts again, and it trains: {told(two_run())}, below half its start"
    )
    np.testing.assert_allclose(diagnosis.losses, two_run(), rtol=1e-12)


def test_an_update_that_is_no_gradient_step_is_the_finding_and_no_gradient_is_judged():
    diagnosis = report._examine(probed({"broken": 1}), found("lr_too_small"), None, True)
    assert diagnosis.codes == ["not_a_step", "lr_too_small"]
    assert (diagnosis.gradcheck, diagnosis.losses, diagnosis.summary) == (None, None, "")


def test_a_right_gradient_and_step_that_train_are_healthy_with_the_check_and_the_run():
    diagnosis = report.doctor(
        {"a": np.zeros(2), "b": np.zeros(1)}, two, slope_of_two, SIDE, [[1], [0]], lr=0.1, epochs=20
    )
    assert diagnosis.healthy and diagnosis.gradcheck.failing == []
    assert diagnosis.summary.startswith("the gradient agrees with finite differences")
    np.testing.assert_allclose(diagnosis.losses, two_run(), rtol=1e-9)


def test_a_step_that_changes_the_weights_shapes_is_named_with_the_loss_at_the_start():
    def step(p, g):
        return {"a": (p["a"] - 0.1 * g["a"]).reshape(1, 2), "b": p["b"] - 0.1 * g["b"]}

    diagnosis = report.doctor(
        {"a": np.zeros(2), "b": np.zeros(1)},
        two,
        slope_of_two,
        SIDE,
        [[1], [0]],
        step=step,
        lr=0.1,
        epochs=20,
    )
    assert diagnosis.codes == ["shape_changed"]
    assert diagnosis.findings[0].evidence == "a: (2,) -> (1, 2)"
    assert diagnosis.gradcheck.failing == [] and diagnosis.losses.tolist() == [6.0]
    assert diagnosis.summary == ""


def test_a_flipped_gradient_that_the_step_adds_is_reconciled_with_the_check_and_the_run():
    def flipped(p):
        return {k: -v for k, v in slope_of_two(p).items()}

    def step(p, g):
        return {k: p[k] + 0.1 * g[k] for k in p}

    diagnosis = report.doctor(
        {"a": np.zeros(2), "b": np.zeros(1)},
        two,
        flipped,
        SIDE,
        [[1], [0]],
        step=step,
        lr=0.1,
        epochs=20,
    )
    assert diagnosis.healthy and diagnosis.gradcheck.failing == ["a", "b"]
    assert diagnosis.summary.startswith("your gradient has the opposite sign and your update adds")
    np.testing.assert_allclose(diagnosis.losses, two_run(), rtol=1e-9)


def read_off(grad):
    """The doctor on `two` with `grad` read off a descent step at rate 0.1, over 20 epochs."""
    return report.doctor(
        {"a": np.zeros(2), "b": np.zeros(1)},
        two,
        grad,
        SIDE,
        [[1], [0]],
        step=lambda p, g: {k: p[k] - 0.1 * g[k] for k in p},
        lr=0.1,
        epochs=20,
        implied=True,
    )


def test_a_gradient_read_off_an_update_astray_everywhere_that_trains_is_the_update_rule():
    diagnosis = read_off(scaled(2, 2))
    assert diagnosis.healthy, diagnosis
    assert diagnosis.summary.startswith("your update does not step along the slope of your loss")
    np.testing.assert_allclose(diagnosis.losses, two_run(2.0), rtol=1e-9)


def test_the_doctors_defaults_are_a_rate_of_0_5_and_seed_0():
    """At rate 0.5, one step of plain descent lands on the minimum of `two`."""
    diagnosis = report.doctor(
        {"a": np.zeros(2), "b": np.zeros(1)}, two, slope_of_two, SIDE, [[1], [0]], epochs=3
    )
    assert diagnosis.healthy and diagnosis.seed == 0
    assert diagnosis.losses.tolist() == [6.0, 0.0, 0.0, 0.0]


def test_numpys_global_state_is_seeded_while_the_readers_code_runs_and_restored():
    drawn = []

    def grad(p):
        drawn.append(np.random.random())
        return slope_of_two(p)

    np.random.seed(12345)
    report.doctor(
        {"a": np.zeros(2), "b": np.zeros(1)}, two, grad, SIDE, [[1], [0]], epochs=3, seed=3
    )
    assert drawn[0] == np.random.RandomState(3).random_sample()
    assert np.random.random() == np.random.RandomState(12345).random_sample()


def test_a_gradient_read_off_an_update_is_checked_to_the_probes_error():
    """1.0005 times the slope, read off an update: the gradient is right, nothing to reconcile."""
    diagnosis = read_off(scaled(1.0005, 1.0005))
    assert diagnosis.healthy
    assert diagnosis.summary.startswith("the gradient agrees with finite differences"), diagnosis


def test_two_inputs_that_are_copies_are_no_symmetric_units():
    """W: (3 inputs, 2 units) with rows 0 and 1 equal (and their gradients: inputs 0 and 1 are
    the same column of X): the units are W's columns, which differ."""
    X = np.array([[0.0, 0.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.5]])
    y = np.array([[0.2], [1.0], [0.5], [-0.3]])

    def loss(p):
        return float(np.mean((X @ p["W"] @ p["v"] - y) ** 2))

    def grad(p):
        d = 2 * (X @ p["W"] @ p["v"] - y) / len(X)
        return {"W": X.T @ d @ p["v"].T, "v": (X @ p["W"]).T @ d}

    W = np.array([[0.3, -0.2], [0.3, -0.2], [0.5, 0.1]])
    diagnosis = report.doctor({"W": W, "v": np.array([[0.4], [-0.6]])}, loss, grad, X, y, lr=0.1)
    assert "symmetric" not in diagnosis.codes


# ----------------------------------------------------------------------------- runs


def side_reader():
    """A reader of the sigmoid unit `sided`, labels 1 and 0."""
    return SimpleNamespace(predict=sided, X=SIDE, y=np.array([[1.0], [0.0]]))


def test_a_run_whose_last_loss_is_not_finite_does_not_solve_even_where_its_outputs_fit():
    end = {"w": np.array([3.0, 0.0])}  # outputs 0.95 and 0.05
    assert runs.solved(side_reader(), np.array([1.0, 0.5, 0.4]), end)
    assert not runs.solved(side_reader(), np.array([1.0, 0.5, np.nan]), end)


def test_outputs_that_overflow_at_a_runs_end_raise_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert runs.solved(side_reader(), np.array([1.0, 0.5]), {"w": np.array([1e6, 0.0])})


# ----------------------------------------------------------------------------- samples

SIZE = 6  # w's entries: two directions per sample, the fewest a skip is read from
ONE = np.eye(SIZE)[:3]  # each sample's gradient alone: e0, e1, e2


def _w(v):
    """A vector of w: v's entries, then zeros."""
    return np.pad(np.asarray(v, float), (0, SIZE - len(v)))


class Checked(dict):
    """A gradient check's report: {name: check with .numeric}, with `checks` as gradcheck's."""

    @property
    def checks(self):
        return self


def skipped(g, numeric=None, ones=ONE, per_sample=True):
    """samples.skipped of a reader whose epoch's gradient (of w: (SIZE,), `_w`) is g and
    whose one-sample epochs give `ones`; the loss's gradient `numeric` (the ones' mean if
    None); no predict (no one-sample gradients from the loss)."""
    step = SimpleNamespace()
    if per_sample:
        step.per_sample = lambda p: [{"w": _w(o) + 0 * p["w"]} for o in ones]
    numeric = np.mean(ones, axis=0) if numeric is None else _w(numeric)
    reader = SimpleNamespace(step=step, params={"w": np.zeros(SIZE)}, grads={"w": _w(g)})
    reader.predict = None
    return samples.skipped(reader, Checked(w=SimpleNamespace(numeric=_w(numeric))))


def test_a_sample_the_epoch_never_uses_is_named_with_the_mix_of_the_others():
    f = skipped([0.0005, 0.5, 2.0, 0.0])  # X[0]'s weight below a thousandth of 2: out
    assert f.code == "skipped_samples" and f.title.endswith("samples' gradients: X[0]")
    assert f.evidence.splitlines() == [
        "each sample alone, your code's gradient agrees with finite differences of the loss "
        "(their mean is along the loss's gradient, up to a constant factor)",
        "the whole epoch's gradient is their mix with weights 0, 0.5, 2: your update never "
        "uses X[0]",
    ]


def test_two_samples_left_out_are_both_named():
    assert skipped([0.0, 0.0, 2.0, 0.0]).title.endswith(": X[0], X[1]")


@pytest.mark.parametrize(
    ("g", "numeric"),
    [
        ([0.0, 0.5, 2.0, 0.0], [1.0, 1.0, -1.0, 0.0]),  # the ones' mean is not the slope
        ([0.0, 0.5, 2.0, 0.0], [-1.0, -1.0, -1.0, 0.0]),  # the mean is minus the slope
        ([0.0, 0.5, 2.0, 0.1], None),  # no mix of the ones: off by 0.1 in 2.06
        ([0.4, 0.5, 2.0, 0.0], None),  # every sample in
        ([0.0, -0.5, 2.0, 0.0], None),  # a negative weight: no skip
    ],
)
def test_no_skip_is_named_without_its_evidence(g, numeric):
    assert skipped(g, numeric) is None


def test_no_skip_is_read_without_one_sample_epochs_or_a_unique_mix():
    assert skipped([0.0, 0.5, 2.0, 0.0], per_sample=False) is None
    twice = [[1.0, 0, 0, 0], [0, 1.0, 0, 0], [1.0, 1.0, 0, 0]]  # X[2]'s: X[0]'s plus X[1]'s
    assert skipped([0.5, 1.0, 0.0, 0.0], ones=twice) is None  # 0, 0.5, 0.5: one mix of many
    broken = [[1.0, 0, 0, 0], [0, np.nan, 0, 0], [0, 0, 1.0, 0]]
    assert skipped([0.0, 0.5, 2.0, 0.0], ones=broken) is None
    few = SimpleNamespace(per_sample=lambda p: [{"w": o} for o in np.eye(5)[:3]])
    reader = SimpleNamespace(step=few, params={"w": np.zeros(5)}, predict=None)
    reader.grads = {"w": np.array([0.0, 0.5, 2.0, 0.0, 0.0])}  # a mix, of too few entries
    check = Checked(w=SimpleNamespace(numeric=np.eye(5)[:3].mean(axis=0)))
    assert samples.skipped(reader, check) is None


def test_one_sample_epochs_that_fail_are_no_evidence():
    def fails(p):
        raise ValueError("one sample")

    reader = SimpleNamespace(step=SimpleNamespace(per_sample=fails), predict=None)
    reader.params, reader.grads = {"w": np.zeros(SIZE)}, {"w": _w([0.0, 0.5, 2.0])}
    check = Checked(w=SimpleNamespace(numeric=np.mean(ONE, axis=0)))
    assert samples.skipped(reader, check) is None


def test_a_weight_below_a_thousandth_of_the_largest_is_a_skip():
    assert skipped([0.0018, 0.5, 2.0, 0.0]).title.endswith(": X[0]")
    assert skipped([0.0022, 0.5, 2.0, 0.0]) is None


def test_a_weight_of_exactly_a_thousandth_of_the_largest_is_no_skip():
    assert skipped([0.001, 0.5, 1.0, 0.0]) is None


def test_a_mix_off_by_less_than_a_thousandth_of_a_long_gradient_is_a_mix():
    assert skipped([0.0, 50.0, 100.0, 0.05]).title.endswith(": X[0]")  # 0.05 of 111.8


def test_the_mean_of_the_ones_is_along_the_slope_to_a_thousandth():
    mean = np.mean(ONE, axis=0)
    off = np.linalg.norm(3 * mean) * _w([0, 0, 0, 1])
    assert samples._along(mean, 3 * mean + 0.9e-3 * off)
    assert not samples._along(mean, 3 * mean + 1.1e-3 * off)
    assert not samples._along(mean, np.zeros(SIZE))  # no slope: no direction to be along


def test_flatten_joins_arrays_in_order_as_one_float64_vector():
    out = flatten([np.array([[1, 2]], dtype=np.int8), np.array([0.1], dtype=np.float32)])
    assert out.dtype == np.float64
    assert out.tolist() == [1.0, 2.0, float(np.float32(0.1))]


# ----------------------------------------------------------------------------- not killed
#
# Mutants of steps, report, runs and samples that survive these tests (mutmut 3.8.1, in
# `make mutation`'s copy, the selection narrowed to test_doctor_mutants2/3 and
# test_doctor_thresholds), and why.
#
# Equivalent (no behaviour can tell them apart):
# - steps._rate_lines, `abs(power - 2) <= 0.2` for `< 0.2`: power - 2 is a multiple of 2**-52
#   near 2, and the double nearest 0.2 is not, so the two are never equal.
# - steps._dotted, `g.shape[1] < 2` for `g.shape[0] < 2`: the matrix is square there.
# - steps._weighted, lstsq without `rcond=None`: numpy 2's default is None (numpy 1's differs
#   only for a singular fit, the loss's gradient along the weights).
# - steps.examine, `split(":")`, `rsplit(":", 1)` or `split(":", 2)` for `split(":", 1)`: every
#   title detail `_measured` returns holds at most one colon.
# - report._gradient_phase, `paired = ""` for None: both are falsy, and never returned.
# - runs.advance, `getattr(step, "ignores_grads", None)` for `False`: both are falsy.
# - samples.skipped, `c[~out].min() < 0` for `<= 0`: a weight kept in is at least a
#   thousandth of the largest, never 0. Its lstsq without `rcond=None`: as in steps.
#
# Not killed:
# - steps._weighted, `missed >= 1e-3 * |g|` for `>`, and samples.skipped's residual `>=` and
#   _along's `<` at their thousandths (2): differ only where a computed norm is exactly a
#   thousandth of another, which I could not construct in floats.
# - report._gradient_phase, `wrong or not flipped` for `and`: also asks `later.at_start` and
#   `samples.skipped` of a right gradient; both look for a pairing or a skip unlike the
#   reader's own, so probably equivalent, not shown.
# - report._gradient_phase, `samples.skipped(reader, None)`: read only after the adapter's
#   one-sample epochs (`step.per_sample`), which these readers do not have.
# - report._rule (4), `_examine`'s call of it (6) and of `_checked` with gradient_ok and the run
#   (4): need a run with a right gradient that does not train, tried by `later`,
#   `verify.update_rule` and `verify.checked`; their own tests (test_doctor_*.py, not in this
#   selection, seconds each) reach them.
# - report._examine, `update.unit_axis` given None for the outputs or the layout (4), and
#   `doctor`'s `columns` dropped (1): matter only when the first matrix's shape cannot tell
#   the inputs' axis (square layers).
# - report._examine, `verify.unreachable` asked without `implied` (1): only `xl.adapt`'s
#   steps carry `mapped`, and its arguments always hold implied=True (unless overridden).
