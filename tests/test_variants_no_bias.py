"""Each student's numbers for "The two-neuron net that cannot learn the identity", and the
new exercise 7 (the weights of the bias-free chain for any reachable pair): the model answers,
written here in plain numpy, pass for every student; the answers differ between students and
from the chapter's; the known mistakes are named."""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import no_bias

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(1, 201)


def logit(f):
    return np.log(f / (1 - f))


def reachable(f0, f1):
    """The chapter's proof: logit f(1) = 2 sigmoid(w1) logit f(0), or both outputs 1/2."""
    u0, u1 = logit(f0), logit(f1)
    return (u0 == 0 and u1 == 0) or (u0 != 0 and 0 < u1 / u0 < 2)


def model_weights(f0, f1, bound=2.0, at_zero=0.5, half_case=True):
    """The exercise's answer; the keywords plant the mistakes (no upper bound on the ratio,
    h(0) = sigmoid(w1) taken as 1, the pair (1/2, 1/2) forgotten)."""
    u0, u1 = logit(f0), logit(f1)
    if u0 == 0:
        return (0.0, 0.0) if u1 == 0 and half_case else None
    r = u1 / u0 * at_zero * 2
    if not 0 < r < bound:
        return None
    return float(logit(r / 2)), float(u0 / at_zero)


def chain(w1, w2, x):
    return 1 / (1 + np.exp(-w2 / (1 + np.exp(-w1 * x))))


def test_seed_zero_gives_the_chapters_numbers():
    m = no_bias.numbers(0)
    assert (m["w1"], m["w2"]) == (7, -4)
    assert m["pairs"] == xl.cases.no_bias.QUIZ_PAIRS
    nb = nbformat.read(ROOT / "chapters" / "case-no-bias.ipynb", as_version=4)
    shown = next(c for c in nb.cells if c.get("id") == "nb-mine").outputs[0]["text"]
    assert shown.splitlines() == [
        "exercise 1: w1 = 7, w2 = -4",
        "exercise 3: A (0.50, 0.50), B (0.10, 0.90), C (0.20, 0.45)",
        "            D (0.70, 0.95), E (0.80, 0.60), F (0.90, 0.10)",
    ]


def test_every_students_variant_is_solvable_and_clear():
    """The model answers pass each student's checks, and no pair's logit ratio lies within
    0.1 of 0 or 2 (so rounding never decides a letter)."""
    for seed in SEEDS:
        m = no_bias.numbers(seed)
        f0 = 1 / (1 + np.exp(-m["w2"] / 2))
        assert xl.checks.check_f0(f0, numbers=m), seed
        letters = "".join(k for k, pair in m["pairs"].items() if reachable(*pair))
        assert xl.checks.check_bias_free_choices(letters, numbers=m), seed
        for a, b in m["pairs"].values():
            assert 0 < a < 1 and 0 < b < 1 and abs(a - 0.5) >= 0.05
            r = logit(b) / logit(a)
            assert min(abs(r), abs(r - 2)) > 0.1, (seed, a, b)
            w = model_weights(a, b)
            assert (w is None) == (not reachable(a, b))
            if w is not None:
                assert np.allclose(chain(*w, np.array([0.0, 1.0])), (a, b), rtol=0, atol=1e-9)


def test_answers_differ_between_students_and_from_the_chapter():
    variants = [no_bias.numbers(seed) for seed in SEEDS]
    f0s = {round(1 / (1 + np.exp(-m["w2"] / 2)), 4) for m in variants}
    sets = {frozenset(k for k, p in m["pairs"].items() if reachable(*p)) for m in variants}
    assert len(f0s) == 8 and len(sets) >= 30, (len(f0s), len(sets))
    for m in variants:  # the answers the book shows are wrong for every student
        assert not xl.checks.check_f0(0.1192, numbers=m)
        assert not xl.checks.check_bias_free_choices("ACE", numbers=m)
        mixed = {reachable(*p) for p in m["pairs"].values()}
        assert mixed == {True, False}


def test_the_model_passes_and_xorlabs_weights_are_refused():
    assert xl.checks.check_bias_free_weights(model_weights)
    for fn in (
        xl.cases.no_bias.no_bias_weights,
        lambda a, b: xl.cases.no_bias.no_bias_weights(a, b),
    ):
        assert "write" in xl.checks.check_bias_free_weights(fn).message


MISTAKES = {
    "no upper bound": (dict(bound=np.inf), "logit ratio of 2 or more"),
    "h(0) taken as sigmoid(w1) = 1": (dict(at_zero=1.0), "outputs 1/2, whatever w1"),
    "(1/2, 1/2) forgotten": (dict(half_case=False), "w2 = 0, with any w1"),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_bias_free_weights_mistakes_are_named(name):
    kwargs, words = MISTAKES[name]
    verdict = xl.checks.check_bias_free_weights(lambda a, b: model_weights(a, b, **kwargs))
    assert not verdict and words in verdict.message, verdict.message


def test_weights_for_pairs_across_one_half_are_named():
    verdict = xl.checks.check_bias_free_weights(lambda a, b: (1.0, 1.0))
    assert not verdict and "give f(0)" in verdict.message
    sided = lambda a, b: None if (a - 0.5) * (b - 0.5) > 0 else (1.0, 1.0)  # noqa: E731
    verdict = xl.checks.check_bias_free_weights(sided)
    assert not verdict and "None for (0.2, 0.3)" in verdict.message


def test_f0_mistake_for_a_student_is_named():
    m = no_bias.numbers(7)
    wrong = 1 / (1 + np.exp(-m["w2"] / (1 + np.exp(-m["w1"]))))
    verdict = xl.checks.check_f0(wrong, numbers=m)
    assert not verdict and "h = sigmoid(w1)" in verdict.message
