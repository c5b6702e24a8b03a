"""Planted bugs of the field guide: the correct version is correct, each bug is diagnosed,
and the scoring and drawing helpers behave."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import xorlab as xl
from xorlab.cases import field_guide as planted


def test_correct_version_matches_finite_differences():
    kw = planted.implementation("none", seed=2)
    report = xl.check_gradients(kw["loss"], kw["grad"], kw["params"])
    assert report.passed


CASES = [
    (bug, hidden, units)
    for bug in planted.BUGS
    for hidden, units in [("tanh", 3), ("sigmoid", 2)]
    if not (bug == "sigmoid' for tanh" and hidden == "sigmoid")  # that bug needs tanh units
]


@pytest.mark.parametrize("bug, hidden, units", CASES)
def test_each_bug_is_diagnosed(bug, hidden, units):
    for seed in (0, 1):
        d = xl.doctor(**planted.implementation(bug, hidden=hidden, units=units, seed=seed))
        assert planted.BUGS[bug].ok(d.codes), f"{bug}, {hidden}, seed {seed}: {d}"


def test_bugs_change_the_gradient_or_the_run():
    good = planted.implementation("none", seed=0)
    g0 = good["grad"](good["params"])
    for bug in ("sum in hidden layer", "error y - p", "bias gradient zero"):
        kw = planted.implementation(bug, seed=0)
        g = kw["grad"](kw["params"])
        assert any(not np.allclose(g[k], g0[k]) for k in g0), bug


def test_score_counts_false_alarms_and_misses():
    score = planted.score([("none", []), ("error y - p", ["sign_flip"])])
    assert (score.precision, score.recall) == (1.0, 1.0)
    score = planted.score([("none", ["rising"]), ("error y - p", [])])
    assert (score.precision, score.recall) == (0.0, 0.0)
    score = planted.score([("zero init", ["symmetric", "rising", "no_bias"])])
    assert score.precision == pytest.approx(2 / 3) and score.recall == 0.0
    assert (score.fair, score.findings, score.hits, score.programs) == (2, 3, 0, 1)
    with pytest.raises(ValueError, match="empty"):
        planted.score([])


def test_draw_case_titles_with_the_first_finding():
    fig, d = planted.draw_case("error y - p")
    assert "sign" in fig.axes[0].get_title(loc="left").lower() and d.codes == ["sign_flip"]
    plt.close(fig)
    fig, d = planted.draw_case("none")
    assert "healthy" in fig.axes[0].get_title(loc="left") and d.healthy
    plt.close(fig)


@pytest.mark.parametrize(
    "kw, error, words",
    [
        ({"bug": "typo"}, ValueError, "unknown bug 'typo'"),
        ({"hidden": "relu"}, ValueError, "unknown hidden 'relu'"),
        ({"lr": 0}, ValueError, "lr must be finite and > 0, got 0"),
        ({"units": 0}, ValueError, "units must be finite and > 0, got 0"),
    ],
)
def test_bad_input(kw, error, words):
    with pytest.raises(error, match=words):
        planted.implementation(**kw)


def test_check_sum_factor():
    assert xl.checks.check_sum_factor(4)
    wrong = xl.checks.check_sum_factor(0.25)
    assert not wrong and "yours / true" in wrong.message
    assert not xl.checks.check_sum_factor(1.0)
    assert not xl.checks.check_sum_factor("four")


def _mlp_case():
    X, y = xl.xor()
    return xl.adapt_mlp(xl.MLP((2, 3, 1), seed=1), X, y)


def _flip(case, names):
    true_grad = case["grad"]
    return {**case, "grad": lambda p: {k: -g if k in names else g for k, g in true_grad(p).items()}}


def test_check_sign_flip_w2():
    assert xl.checks.check_sign_flip_w2(_flip(_mlp_case(), {"W2"}))
    everywhere = xl.checks.check_sign_flip_w2(_flip(_mlp_case(), {"W1", "b1", "W2", "b2"}))
    assert not everywhere and "not in W2 alone" in everywhere.message
    assert "found nothing" in xl.checks.check_sign_flip_w2(_mlp_case()).message
    assert not xl.checks.check_sign_flip_w2("case")


def _tiny_adapter(lr_told=0.5, aliased=False):
    """Adapter for an update of an MLP's params by 0.5 * gradient. aliased=True makes the
    common mistake: the update ignores the params it is given and steps the stored arrays."""
    case = _mlp_case()
    grad, store = case["grad"], case["params"]

    def update(p):
        q = store if aliased else p
        g = grad(q)
        for k in q:
            q[k] -= 0.5 * g[k]
        return {k: v.copy() for k, v in q.items()}

    return {**case, "grad": xl.implied_gradient(update, store, lr_told)}


def test_check_adapter():
    assert xl.checks.check_adapter(_tiny_adapter())
    wrong_lr = xl.checks.check_adapter(_tiny_adapter(lr_told=1.0))
    assert not wrong_lr and "same lr" in wrong_lr.message
    aliased = xl.checks.check_adapter(_tiny_adapter(aliased=True))
    assert not aliased and "params changed" in aliased.message
    missing = xl.checks.check_adapter({"params": {}})
    assert not missing and "keys" in missing.message
