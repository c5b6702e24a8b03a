"""The doctor's thresholds, tested at both sides of each (issue 27: they were untested): the
cosines that name a sign flip, a data factor and a climbing update, the slope that names a zero
gradient, the reversals that name oscillation, the rise that names a growing loss, and the
residual that names a linear network, the falls that verify advice. Fast: the mutation runs
try these first."""

import pathlib

import numpy as np
import pytest

import xorlab as xl
from xorlab.core.gradcheck import ArrayCheck
from xorlab.core.wrong_gradient import classify
from xorlab.doctor import capacity, causes, training, update, verify
from xorlab.doctor.findings import Finding


def _pattern(check, n_samples):
    """The code the doctor's gradient phase reads off one array's check."""
    return classify(check.analytic, check.numeric, n_samples, skip=check.on_kink).code


def _check_with_cosine(cosine, size=6):
    """An ArrayCheck whose analytic gradient has the given cosine with the numeric one."""
    numeric = np.linspace(1.0, 2.0, size)
    other = np.tile([1.0, -1.0], size // 2) * 1.0
    other -= other @ numeric / (numeric @ numeric) * numeric  # orthogonal to numeric
    other *= np.linalg.norm(numeric) / np.linalg.norm(other)
    analytic = cosine * numeric + np.sqrt(1 - cosine**2) * other
    check = ArrayCheck("W1", analytic, numeric, np.zeros(size, bool), 1e-5, np.zeros(size))
    assert check.cosine == pytest.approx(cosine)
    return check


@pytest.mark.parametrize("cosine, code", [(-0.995, "sign_flip"), (-0.985, "wrong_gradient")])
def test_a_sign_flip_needs_a_cosine_below_minus_0_99(cosine, code):
    assert _pattern(_check_with_cosine(cosine), 4) == code


@pytest.mark.parametrize("cosine, code", [(0.95, "data_factor"), (0.85, "wrong_gradient")])
def test_a_data_factor_needs_a_cosine_above_0_9(cosine, code):
    assert _pattern(_check_with_cosine(cosine), 4) == code


@pytest.mark.parametrize("slope, code", [(2e-8, "zero_gradient"), (0.5e-8, "wrong_gradient")])
def test_a_zero_gradient_needs_finite_differences_above_1e_8(slope, code):
    numeric = np.array([slope, -slope, 3.0, 1.0])
    analytic = np.array([0.0, 0.0, -1.0, 2.0])
    check = ArrayCheck("W1", analytic, numeric, np.zeros(4, bool), 1e-5, np.zeros(4))
    assert _pattern(check, 4) == code


@pytest.mark.parametrize("cosine, climbs", [(0.995, True), (0.985, False)])
def test_a_climbing_update_needs_a_cosine_above_0_99(cosine, climbs):
    grads = {"W": np.linspace(1.0, 2.0, 6)}
    moved = _check_with_cosine(cosine).analytic
    step = lambda p, g: {"W": p["W"] + 0.1 * moved}  # noqa: E731
    found = [f.code for f in update.climbs(step, {"W": np.zeros(6)}, grads)]
    assert (found == ["update_climbs"]) == climbs


@pytest.mark.parametrize("run, oscillates", [(2, True), (4, False)])
def test_oscillation_needs_a_third_of_the_steps_reversed(run, oscillates):
    """Steps of 0.01 that change direction every `run` steps (ups a little smaller, so the
    loss ends lower): reversals on 1/run of the steps."""
    signs = np.repeat(np.tile([-1.0, 1.0], 40), run)[:60]
    d = np.where(signs > 0, 0.009, -0.01)
    losses = 1.0 + np.concatenate([[0.0], np.cumsum(d)])
    reversed_share = np.mean(np.sign(d[1:]) != np.sign(d[:-1]))
    assert (reversed_share > 0.3) == oscillates and losses[-1] < losses[0]
    found = [f.code for f in training._health(losses, 0.5, True)]
    assert (found == ["lr_too_large"]) == oscillates


def test_a_rising_loss_needs_to_end_a_thousandth_higher():
    up = 1.0 + np.linspace(0, 2e-3, 30)
    assert [f.code for f in training._health(up, 0.5, True)] == ["lr_too_large"]
    flat = 1.0 + np.linspace(0, 0.5e-3, 30)
    assert training._health(flat, 0.5, True) == []


def test_a_linear_network_is_named_only_when_its_residual_is_tiny():
    X, y = xl.xor()
    rng = np.random.default_rng(0)
    linear = lambda p, Z: 1 / (1 + np.exp(-(Z @ np.array([[1.0], [-2.0]]) + 0.3)))  # noqa: E731
    assert [f.code for f in capacity.linear({}, linear, X, y, rng)] == ["linear"]

    def bent(p, Z):
        z = Z @ np.array([[1.0], [-2.0]]) + 0.3 + 1e-4 * Z[:, :1] * Z[:, 1:]
        return 1 / (1 + np.exp(-z))

    assert capacity.linear({}, bent, X, y, np.random.default_rng(0)) == []


def test_every_finding_links_a_chapter_that_exists():
    chapters = pathlib.Path(__file__).resolve().parent.parent / "chapters"
    for code in causes.CAUSES:
        finding = Finding(code, "title", "evidence")
        assert (chapters / f"{finding.chapter}.ipynb").exists(), code
        assert finding.url.startswith(causes.BOOK_URL) and finding.chapter in finding.url


def test_a_finding_says_where_to_look_unless_told():
    assert Finding("sign_flip", "t", "e").where == causes.CAUSES["sign_flip"].where != ""
    assert Finding("sign_flip", "t", "e", "the loss line").where == "the loss line"


def test_predict_of_the_wrong_shape_is_named_with_the_fix():
    X, y = xl.xor()
    case = xl.adapt_mlp(xl.MLP((2, 2, 1)), X, y)
    flat = {**case, "predict": lambda p, Z: case["predict"](p, Z).ravel()}
    with pytest.raises(ValueError, match=r"shape \(4,\), y has shape \(n, 1\).*reshape\(-1, 1\)"):
        xl.doctor(**flat)
    rows = {**case, "predict": lambda p, Z: case["predict"](p, Z).T}
    with pytest.raises(ValueError, match=r"shape \(1, 4\): samples as columns\? return out.T"):
        xl.doctor(**rows)


@pytest.mark.parametrize("end, falls", [(0.985, True), (0.995, False), (np.nan, False)])
def test_smaller_steps_verify_only_when_the_loss_ends_a_hundredth_lower(end, falls):
    assert verify.falls(np.r_[np.linspace(1.0, 0.99, 10), end]) == falls


def test_a_loss_that_mostly_rises_does_not_verify_even_if_it_ends_lower():
    run = np.r_[1.0, 1.1, 1.2, 1.3, 0.5]  # 3 of 4 steps up
    assert not verify.falls(run) and verify.falls(np.array([1.0, 0.5]))


@pytest.mark.parametrize("low, descends", [(0.998, True), (0.9995, False)])
def test_a_flipped_update_verifies_when_it_gets_a_thousandth_lower(low, descends):
    assert verify.descends(np.array([1.0, 1.0, low, np.inf])) == descends


@pytest.mark.parametrize("losses", [[1.0, np.inf], [1.0, 2.0, 3.0, 4.0]])
def test_a_health_finding_says_the_gradient_is_right_only_when_the_check_confirmed_it(losses):
    (right,) = training._health(np.array(losses), 0.5, True)
    (unsure,) = training._health(np.array(losses), 0.5, False)
    assert right.code == unsure.code and right.title.endswith("and the gradient is right")
    assert "gradient is right" not in unsure.title and "unconfirmed" in unsure.title
