"""Gradient checking, including property tests over random architectures."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import xorlab as xl
from xorlab.core.gradcheck import ArrayCheck, GradcheckReport

X, y = xl.xor()


# derandomize: the same 60 architectures on every run, so a failure is reproducible
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    widths=st.lists(st.integers(1, 4), min_size=0, max_size=2),
    d_in=st.integers(1, 3),
    d_out=st.integers(1, 2),
    hidden=st.sampled_from(["sigmoid", "tanh", "relu", "leaky_relu", "identity"]),
    output=st.sampled_from(["sigmoid", "tanh", "identity"]),
    loss=st.sampled_from(["bce", "mse"]),
    bias=st.booleans(),
    seed=st.integers(0, 10_000),
)
def test_backprop_agrees_with_finite_differences(
    widths, d_in, d_out, hidden, output, loss, bias, seed
):
    if loss == "bce" and output != "sigmoid":
        output = "sigmoid"  # BCE needs outputs in (0, 1)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(5, d_in))
    y = rng.integers(0, 2, size=(5, d_out)).astype(float)
    net = xl.MLP((d_in, *widths, d_out), hidden, output, loss, bias, init="normal", seed=seed)
    report = xl.gradcheck(net, X, y)
    # the noise-aware verdict: tol relative, plus finite differences' own error per entry
    assert report.passed, str(report)


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu", "leaky_relu", "identity"])
@pytest.mark.parametrize("loss", ["bce", "mse"])
@pytest.mark.parametrize("bias", [True, False])
def test_every_activation_loss_bias_combination_on_xor(hidden, loss, bias):
    X, y = xl.xor()
    net = xl.MLP((2, 3, 1), hidden=hidden, loss=loss, bias=bias, init="normal", seed=7)
    report = xl.gradcheck(net, X, y)
    assert report.passed and max(report.errors.values()) < 1e-6, str(report)


def test_flipped_bce_grad_is_caught_on_the_right_arrays():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), faults=("flipped_bce_grad",), seed=1)
    report = xl.gradcheck(net, X, y)
    assert not report.passed
    assert set(report.failing) == {"W1", "b1", "W2", "b2"}
    assert all(report.errors[k] > 0.1 for k in report.failing)


def test_missing_output_derivative_leaves_output_layer_correct():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), faults=("missing_output_derivative",), seed=1)
    report = xl.gradcheck(net, X, y)
    assert set(report.failing) == {"W1", "b1"}
    # a missing factor that varies by sample: direction nearly right, size far too large
    assert 0.99 < report["W1"].cosine < 1 - 1e-6
    assert report["W1"].norm_ratio > 3  # 1 / sigma'(z) >= 4 on every sample


def test_relu_kink_at_origin_is_recognised_not_flagged():
    X, y = xl.xor()  # input (0, 0) with zero biases: every hidden z is exactly 0 there
    net = xl.MLP((2, 3, 1), hidden="relu", init="he", seed=0)
    report = xl.gradcheck(net, X, y)
    assert report.passed
    assert report["b1"].kinks == 3 and report["W1"].kinks == 0


def test_kink_entries_would_otherwise_look_wrong():
    X, y = xl.xor()
    net = xl.MLP((2, 3, 1), hidden="relu", init="he", seed=0)
    check = xl.gradcheck(net, X, y)["b1"]
    gap = np.abs(check.analytic - check.numeric)[check.on_kink]
    assert gap.max() > 1e-3  # the one-sided slopes differ: a naive check would cry wolf


def test_report_prints_a_table_and_verdict():
    X, y = xl.xor()
    text = str(xl.gradcheck(xl.MLP((2, 2, 1), faults=("flipped_bce_grad",)), X, y))
    assert "W1" in text and "WRONG" in text and "FAILED" in text
    html = xl.gradcheck(xl.MLP((2, 2, 1)), X, y)._repr_html_()
    assert "<table>" in html and "passed" in html


def test_check_gradients_on_a_plain_function():
    params = {"w": np.array([1.0, -2.0, 0.5])}
    report = xl.check_gradients(
        lambda p: float(np.sum(p["w"] ** 3)), lambda p: {"w": 3 * p["w"] ** 2}, params
    )
    assert report.passed
    wrong = xl.check_gradients(
        lambda p: float(np.sum(p["w"] ** 3)), lambda p: {"w": 2 * p["w"] ** 2}, params
    )
    assert not wrong.passed and wrong["w"].norm_ratio == pytest.approx(2 / 3, rel=1e-6)
    assert np.array_equal(params["w"], [1.0, -2.0, 0.5])  # restored after perturbing


# --- the floor: finite differences' own error ------------------------------------------------


def _one(analytic, numeric, floor, tol=1e-5):
    a, n, f = (np.array([v]) for v in (analytic, numeric, floor))
    return ArrayCheck("w", a, n, np.array([False]), tol, f)


def test_floor_boundary():
    # |a - n| = 3e-5 on a gradient of size ~1: relative error 3e-5 > tol = 1e-5
    assert not _one(1.0, 1.0 + 3e-5, 0.0).ok
    inside = _one(1.0, 1.0 + 3e-5, 2.0e-5)  # excess 1e-5 / (1 + 3e-5): just below tol
    assert inside.ok and inside.within_floor
    assert inside.excess == pytest.approx(1e-5 / (1 + 3e-5), rel=1e-6)
    assert not _one(1.0, 1.0 + 3e-5, 1.9e-5).ok  # excess 1.1e-5: just above
    plain = _one(1.0, 1.0 + 0.9e-5, 0.0)  # below tol without any floor
    assert plain.ok and not plain.within_floor


def test_floor_is_roundoff_of_the_loss_plus_measured_truncation():
    w = np.array([3.0])
    u = np.finfo(float).eps
    # linear loss: no truncation error, so the floor is round-off alone, 16 u |L| / eps
    report = xl.check_gradients(lambda p: float(p["w"][0]), lambda p: {"w": np.ones(1)}, {"w": w})
    numeric = ((3.0 + 1e-6) - (3.0 - 1e-6)) / 2e-6  # the same float steps as the check
    wide = ((3.0 + 2e-6) - (3.0 - 2e-6)) / 4e-6
    expected = 16 * u * (3.0 + 2e-6) / 1e-6 + abs(wide - numeric)
    assert report["w"].floor[0] == pytest.approx(expected, rel=1e-12)
    # cubic loss w^3: truncation of the central difference is eps^2 (w^3)''' / 6 = eps^2;
    # steps eps and 2 eps differ by 3 eps^2, which the floor adds
    cubic = xl.check_gradients(
        lambda p: float(p["w"][0] ** 3), lambda p: {"w": 3 * p["w"] ** 2}, {"w": w}, eps=1e-3
    )
    expected = 16 * u * (3.0 + 2e-3) ** 3 / 1e-3 + 3 * 1e-6
    assert cubic["w"].floor[0] == pytest.approx(expected, rel=1e-3)
    assert np.array_equal(w, [3.0])  # restored


def test_correct_saturated_network_passes_where_the_old_rule_failed():
    # xavier weights x30, two tanh layers: finite differences are off by 6% on W1 (truncation)
    X, y = xl.xor()
    net = xl.MLP((2, 3, 3, 1), hidden="tanh", init_scale=30.0, seed=1)
    report = xl.gradcheck(net, X, y)
    assert report["W1"].rel_error > 0.05 and report["W1"].within_floor and report.passed
    assert "within finite differences' own error" in str(report)
    bad = xl.MLP(
        (2, 3, 3, 1), hidden="tanh", init_scale=30.0, seed=1, faults=("missing_output_derivative",)
    )
    assert not xl.gradcheck(bad, X, y).passed  # a real mistake still fails there


# --- the numbers of a report, computed by hand -----------------------------------------------


def test_report_numbers_against_hand_values():
    params = {"w": np.array([1.0, -2.0, 0.5])}
    # analytic 2 w^2 against the true 3 w^2: |a - n| peaks at w^2 = 4, the scale is 3 * 4 = 12
    wrong = xl.check_gradients(
        lambda p: float(np.sum(p["w"] ** 3)), lambda p: {"w": 2 * p["w"] ** 2}, params
    )["w"]
    assert wrong.rel_error == pytest.approx(1 / 3, rel=1e-6)
    assert wrong.cosine == pytest.approx(1.0, abs=1e-9) and wrong.kinks == 0
    assert wrong.excess == pytest.approx(1 / 3, rel=1e-6)  # the floor is ~1e-8, negligible


def test_relative_error_is_strictly_below_tol_and_uses_the_1e8_scale():
    at = _one(1.0, 1.25, 0.0, tol=0.2)  # |a - n| / max(|a|, |n|) = 0.25 / 1.25 = 0.2 = tol
    assert at.rel_error == 0.2 and not at.ok
    assert _one(1.0, 1.25, 0.0, tol=0.2000001).ok
    tiny = _one(1e-12, 0.0, 0.0)  # both below 1e-8: the error is measured against 1e-8
    assert tiny.rel_error == pytest.approx(1e-4, rel=1e-12) and not tiny.ok


def test_cosine_and_ratio_are_nan_without_a_direction():
    zero_a = _one(0.0, 2.0, 0.0)
    assert np.isnan(zero_a.cosine) and zero_a.norm_ratio == 0.0
    zero_n = _one(2.0, 0.0, 0.0)
    assert np.isnan(zero_n.cosine) and np.isnan(zero_n.norm_ratio)
    flipped = ArrayCheck("w", np.array([1.0, -2.0]), np.array([-1.0, 2.0]), np.zeros(2, bool), 1e-5)
    assert flipped.cosine == pytest.approx(-1.0) and flipped.norm_ratio == pytest.approx(1.0)


def test_entries_on_a_kink_are_left_out_entirely():
    c = ArrayCheck("w", np.array([1.0, 5.0]), np.array([1.0, -5.0]), np.array([False, True]), 1e-5)
    assert c.rel_error == 0.0 and c.excess == 0.0 and c.ok and c.kinks == 1
    assert c.cosine == pytest.approx(1.0)
    every = ArrayCheck("w", np.array([1.0]), np.array([3.0]), np.array([True]), 1e-5)
    assert every.rel_error == 0.0 and every.excess == 0.0 and every.ok


def test_report_rows_and_verdict_line():
    X, y = xl.xor()
    report = xl.gradcheck(xl.MLP((2, 3, 1), hidden="relu", init="he", seed=0), X, y)
    rows = {r[0]: r for r in report.rows()}
    assert rows["b1"][1] == "(3,)" and rows["b1"][5] == "ok (3 on a kink, skipped)"
    assert rows["W2"][5] == "ok" and rows["W2"][3] == "+1.000" and rows["W2"][4] == "1.000"
    assert str(report).endswith("gradient check PASSED (eps=1e-06, tol=1e-05)")
    assert report.failing == [] and set(report.errors) == {"W1", "b1", "W2", "b2"}
    bad = xl.gradcheck(xl.MLP((2, 2, 1), faults=("flipped_update_sign",)), X, y)
    assert str(bad).endswith("gradient check FAILED: W1, b1, W2, b2 (eps=1e-06, tol=1e-05)")
    assert {r[3] for r in bad.rows()} == {"-1.000"}
    assert "failed: W1, b1, W2, b2" in bad._repr_html_()


# --- finite differences of a scalar function -------------------------------------------------


def test_finite_difference_errors_follow_their_truncation_orders():
    eps = np.logspace(-4, -1, 7)
    errors = xl.finite_difference_errors(np.sin, 0.7, np.cos(0.7), eps)
    for kind, order in (("forward", 1), ("central", 2)):
        slope = np.polyfit(np.log(eps), np.log(errors[kind]), 1)[0]
        assert slope == pytest.approx(order, abs=0.1)
    # leading terms: eps / 2 |f''| and eps^2 / 6 |f'''|
    assert errors["forward"][0] == pytest.approx(eps[0] / 2 * np.sin(0.7), rel=1e-2)
    assert errors["central"][0] == pytest.approx(eps[0] ** 2 / 6 * np.cos(0.7), rel=1e-2)
    assert np.all(errors["central"] < errors["forward"])


def test_finite_difference_errors_show_round_off_for_tiny_steps():
    eps = np.logspace(-13, -11, 5)
    errors = xl.finite_difference_errors(np.exp, 1.0, np.e, eps)
    assert errors["central"].max() > 1e-6  # far above the eps**2 truncation error
    big = xl.finite_difference_errors(np.exp, 1.0, np.e, [1e-5])["central"][0]
    assert big < errors["central"].max()


def test_finite_difference_errors_reject_bad_steps():
    for bad in ([0.0, 1e-3], [-1e-3], [[1e-3]], [np.inf]):
        with pytest.raises(ValueError, match="eps"):
            xl.finite_difference_errors(np.sin, 0.0, 1.0, bad)


def test_floor_boundaries_of_the_report():
    # rel_error exactly tol, inside once the floor is allowed for: "within the floor"
    at = _one(1.0, 1.25, 0.1, tol=0.2)
    assert at.rel_error == 0.2 and at.ok and at.within_floor
    bare = ArrayCheck("w", np.array([1.0]), np.array([1.25]), np.array([False]), 0.2)
    assert bare.floor is None and bare.excess == bare.rel_error == 0.2 and not bare.ok
    report = GradcheckReport(checks={"w": _one(1e-16, 0.0, 0.0)})
    assert report.rows()[0][2] == "1.0e-08"  # exactly 1e-8 is printed, below it is "< 1e-8"
    report.checks["w"] = _one(0.9e-16, 0.0, 0.0)
    assert report.rows()[0][2] == "< 1e-8"


def test_defaults_and_a_kink_two_steps_away():
    params = {"w": np.array([1.5e-6])}  # w - eps keeps the sign of w, w - 2 eps does not
    report = xl.check_gradients(
        lambda p: float(abs(p["w"][0])),
        lambda p: {"w": np.sign(p["w"])},
        params,
        pattern_fn=lambda p: [np.sign(p["w"])],
    )
    assert report.eps == 1e-6 and report.tol == 1e-5
    check = report["w"]
    assert check.kinks == 0 and check.ok
    # the 2 eps quotient crosses the kink, so it says nothing about truncation: round-off only
    assert check.floor[0] == pytest.approx(16 * np.finfo(float).eps * 3.5e-6 / 1e-6, rel=1e-6)


# --- the gradient check's own arguments ------------------------------------------------------


@pytest.mark.parametrize("value", [-1.0, 0.0, float("nan"), float("inf")])
@pytest.mark.parametrize("name", ["tol", "eps"])
def test_gradcheck_refuses_tol_and_eps_that_are_not_positive_and_finite(name, value):
    net = xl.MLP((2, 2, 1))
    with pytest.raises(ValueError, match=f"{name} must be finite and > 0, got {value!r}"):
        xl.gradcheck(net, X, y, **{name: value})


@pytest.mark.parametrize(
    "array, words",
    [
        (np.ones((2, 2), dtype=int), r"'W1' has dtype int64, which cannot hold a step of eps"),
        (np.ones((2, 2), dtype=np.float32), r"'W1' has dtype float32, which keeps about 7 digits"),
        ([[1.0, 1.0], [1.0, 1.0]], r"'W1' is a list, not a numpy array"),
    ],
)
def test_check_gradients_refuses_parameters_that_are_not_float64(array, words):
    params = {"W1": array}
    with pytest.raises(TypeError, match=words):
        xl.check_gradients(lambda p: 0.0, lambda p: {"W1": np.zeros((2, 2))}, params)
    with pytest.raises(TypeError, match="non-empty dict"):
        xl.check_gradients(lambda p: 0.0, lambda p: {}, {})


def test_the_output_layer_kinks_only_when_its_activation_does():
    # a ReLU hidden layer and a sigmoid output whose pre-activation is exactly 0 on every
    # sample: the output's sign flips under each step, but a sigmoid has no kink there
    X, y = xl.xor()
    net = xl.MLP((2, 3, 1), hidden="relu", init="he", seed=1)
    net.params["W2"][:] = 0.0
    report = xl.gradcheck(net, X, y)
    assert report["W2"].kinks == 0 and report["b2"].kinks == 0 and report.passed
