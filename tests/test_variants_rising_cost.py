"""Each student's numbers for "The cost that keeps rising", and the gradient check exercises
(7: write the check, 8: find the planted bug): the model answers, written here in plain numpy,
pass for every student; the answers differ between students; the known mistakes are named."""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import rising_cost
from xorlab.exercises.variants import numbers_for

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(1, 201)
NAMES = ("W1", "b1", "W2", "b2")


def mean_bce(q, X, y):
    """The mean BCE of a 2-h-1 sigmoid net with biases, plain numpy."""
    h = 1 / (1 + np.exp(-(X @ q["W1"] + q["b1"])))
    z = h @ q["W2"] + q["b2"]
    return float(np.mean(np.logaddexp(0, z) - y * z))


def numeric_slopes(params, X, y, eps, one_sided=False, put_back=True):
    """Finite differences of mean_bce in every entry: central, or with the mistakes."""
    slopes = {}
    for k, v in params.items():
        slopes[k] = np.zeros_like(v)
        for i in np.ndindex(v.shape):
            keep = v[i]
            v[i] = keep + eps
            up = mean_bce(params, X, y)
            v[i] = keep if one_sided else keep - eps
            down = mean_bce(params, X, y)
            slopes[k][i] = (up - down) / (eps if one_sided else 2 * eps)
            v[i] = keep if put_back else v[i]
    return slopes


def max_relative(a, b):
    return np.abs(a - b).max() / max(np.abs(a).max(), np.abs(b).max(), 1e-8)


def learner(scale=max_relative, **mistake):
    """A learner's grad_check(grads, params, X, y, eps) with the relative error `scale`."""

    def grad_check(grads, params, X, y, eps=1e-6):
        slopes = numeric_slopes(params, X, y, eps, **mistake)
        return {k: float(scale(grads[k], slopes[k])) for k in params}

    return grad_check


model_grad_check = learner()


def found(m):
    """{array: relative error} of the student's planted backward pass at their point."""
    grads = xl.checks.planted_backward(m)(m["params"], m["X"], m["y"])
    params = {k: v.copy() for k, v in m["params"].items()}
    return model_grad_check(grads, params, m["X"], m["y"])


def test_seed_zero_gives_the_chapters_numbers():
    m = rising_cost.numbers(0)
    X, y = xl.xor()
    assert (m["lr_sum"], m["n_sum"], m["hidden"]) == (0.25, 8, 2)
    assert np.array_equal(m["X"], X) and np.array_equal(m["y"], y)
    nb = nbformat.read(ROOT / "chapters" / "case-rising-cost.ipynb", as_version=4)
    shown = next(c for c in nb.cells if c.get("id") == "rc-mine").outputs[0]["text"]
    assert shown == "exercise 3: lr_sum = 0.25, n = 8\nexercise 8: 4 samples, 2 hidden units\n"
    errors = found(m)
    assert {k for k in NAMES if errors[k] > 1e-4} == {"W1", "b1"}


def test_every_students_variant_is_solvable_and_clear():
    """The model answers pass each student's checks, and the wrong arrays stand far above
    1e-4 while the right ones lie far below (so no student's answer hangs on the threshold)."""
    lowest_wrong, highest_right = np.inf, 0.0
    for seed in SEEDS:
        m = rising_cost.numbers(seed)
        errors = found(m)
        wrong = {k for k in NAMES if errors[k] > 1e-4}
        assert xl.checks.check_wrong_arrays(wrong, numbers=m), seed
        assert xl.checks.check_sum_lr(m["lr_sum"] * m["n_sum"], m["lr_sum"], m["n_sum"]), seed
        lowest_wrong = min([lowest_wrong] + [errors[k] for k in wrong])
        highest_right = max([highest_right] + [errors[k] for k in NAMES if k not in wrong])
    assert lowest_wrong > 1e-2 and highest_right < 1e-6, (lowest_wrong, highest_right)


def test_answers_differ_between_students_and_from_the_chapter():
    variants = [rising_cost.numbers(seed) for seed in SEEDS]
    chapter = rising_cost.numbers(0)
    rates = {m["lr_sum"] * m["n_sum"] for m in variants}
    sets = {frozenset(k for k, e in found(m).items() if e > 1e-4) for m in variants}
    assert len(rates) >= 30 and len(sets) == 5, (len(rates), sets)
    for m in variants:  # the answers the book shows are wrong for every student
        assert not xl.checks.check_sum_lr(2.0, m["lr_sum"], m["n_sum"])
        assert not xl.checks.check_wrong_arrays({"W1", "b1"}, numbers=m)
    assert xl.checks.check_wrong_arrays({"W1", "b1"}, numbers=chapter)


def test_students_and_courses_get_their_own_data():
    a = numbers_for("case-rising-cost", "ml101", "alice")
    b = numbers_for("case-rising-cost", "ml101", "bob")
    assert not (a["X"].shape == b["X"].shape and np.array_equal(a["X"], b["X"]))


def test_the_model_grad_check_passes_and_xorlabs_is_refused():
    assert xl.checks.check_grad_check(model_grad_check)
    verdict = xl.checks.check_grad_check(lambda g, p, X, y, eps: xl.gradcheck(g, p, X, y))
    assert not verdict and "gradcheck" in verdict.message


MISTAKES = {
    "forward difference": (learner(one_sided=True), "one-sided"),
    "entry left nudged": (learner(put_back=False), "not put back"),
    "no division": (learner(lambda a, b: np.abs(a - b).max()), "divide it"),
    "numeric only": (
        learner(lambda a, b: np.abs(a - b).max() / max(np.abs(b).max(), 1e-8)),
        "numerical gradient alone",
    ),
    "euclidean": (
        learner(
            lambda a, b: np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b), 1e-8)
        ),
        "Euclidean",
    ),
    "no floor": (
        learner(lambda a, b: np.abs(a - b).max() / max(np.abs(a).max(), np.abs(b).max())),
        "0/0",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_grad_check_mistakes_are_named(name):
    fn, words = MISTAKES[name]
    verdict = xl.checks.check_grad_check(fn)
    assert not verdict and words in verdict.message, verdict.message


@pytest.mark.parametrize(
    "answer, words",
    [(["W1"], "not those"), ("W1", "a list of names"), (["W3"], "not arrays"), ([], "at least")],
)
def test_wrong_arrays_mistakes_are_named(answer, words):
    verdict = xl.checks.check_wrong_arrays(answer)
    assert not verdict and words in verdict.message, verdict.message
