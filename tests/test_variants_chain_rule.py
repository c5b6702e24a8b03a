"""Each student's numbers for "Translating the chain rule": exercises 2, 3 and 5 (the
per-sample gradient, the step and the fixed program of the student's own network), 6 (the
exact sign test) and 7 (the paired experiment on the update order at the student's rate). The
model answers, written here with plain numpy and math.comb, pass for every student; the
chapter's answers do not; the p-values differ between students; the known mistakes are named."""

import math
from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.cases import chain_rule as cases
from xorlab.exercises import chain_rule

ROOT = Path(__file__).resolve().parents[1]
SEEDS = range(1, 61)  # 60 students: each trains 2 x n networks


def sign_test(a, b, sides=2, cap=True, paired=True):
    """The exercise's answer; the keywords plant the mistakes."""
    a, b = np.asarray(a, dtype=bool), np.asarray(b, dtype=bool)
    only_a, only_b = int((a & ~b).sum()), int((~a & b).sum())
    m, k = (only_a + only_b, min(only_a, only_b)) if paired else (len(a), min(a.sum(), b.sum()))
    p = sides * sum(math.comb(m, j) for j in range(int(k) + 1)) / 2**m
    return only_a, only_b, min(1.0, p) if cap else p


def runs(m):
    setting = dict(loss="mse", lr=m["lr"], epochs=m["epochs"], init="normal")
    a = xl.train_many(m["n"], mode="sample", seed=m["seed"], **setting).success
    b = cases.train_online(m["n"], seed=m["seed"], **setting).success
    return a, b


def test_seed_zero_gives_the_chapters_numbers():
    assert chain_rule.numbers(0) == {"lr": 0.5, "epochs": 500, "n": 200, "seed": 0,
                                     "hidden": "sigmoid", "loss": "half_squared"}  # fmt: skip
    nb = nbformat.read(ROOT / "chapters" / "case-chain-rule.ipynb", as_version=4)
    shown = next(c for c in nb.cells if c.get("id") == "cr-mine").outputs[0]["text"]
    assert shown == (
        "exercises 2, 3, 5: sigmoid hidden units, loss 'half_squared'\n"
        "exercise 7: lr = 0.5 per step, 500 epochs, 200 networks from seed 0\n"
    )


def test_the_sign_test_against_a_direct_binomial_sum():
    """p by summing the binomial probabilities of every count at least as extreme."""
    rng = np.random.default_rng(3)
    for _ in range(20):
        n = int(rng.integers(0, 60))
        a, b = rng.random(n) < 0.5, rng.random(n) < 0.4
        only_a, only_b, p = sign_test(a, b)
        m = only_a + only_b
        probs = [math.comb(m, j) / 2**m for j in range(m + 1)]
        extreme = [q for j, q in enumerate(probs) if abs(j - m / 2) >= abs(only_a - m / 2)]
        assert np.isclose(p, min(1.0, sum(extreme)), rtol=1e-12)


def test_the_check_trains_the_runs_the_exercise_names():
    for seed in (0, 1, 2):
        m = chain_rule.numbers(seed)
        for mine, theirs in zip(runs(m), chain_rule.order_runs(m)):
            assert np.array_equal(mine, theirs)


def test_every_students_variant_is_solvable_and_the_answers_differ(monkeypatch):
    """For every student the model p passes the check (the runs, trained once here, are the
    ones the check would train, by the test above); the p-values differ between students and
    from the chapter's, and the chapter's p is refused for a student."""
    trained = {}
    monkeypatch.setattr(chain_rule, "order_runs", lambda m: trained[m["seed"]])
    chapter = sign_test(*runs(chain_rule.numbers(0)))[2]
    ps = []
    for seed in SEEDS:
        m = chain_rule.numbers(seed)
        trained[m["seed"]] = runs(m)
        p = sign_test(*trained[m["seed"]])[2]
        assert xl.checks.check_order_p(p, numbers=m), seed
        ps.append(p)
    assert len({round(p, 12) for p in ps}) >= 45, len(set(ps))
    assert sum(np.isclose(p, chapter, rtol=1e-6) for p in ps) <= 2
    m = next(chain_rule.numbers(s) for s, p in zip(SEEDS, ps) if not np.isclose(p, chapter))
    assert not xl.checks.check_order_p(chapter, numbers=m)
    verdicts = [p < 0.05 for p in ps]  # some students find the order matters, some do not
    assert 6 <= sum(verdicts) <= 54, sum(verdicts)


def test_the_model_sign_test_passes():
    assert xl.checks.check_sign_test(sign_test)
    assert xl.checks.check_order_p(sign_test(*runs(chain_rule.numbers(0)))[2])


MISTAKES = {
    "one tail": (dict(sides=1), "one tail"),
    "not capped": (dict(cap=False), "cap it at 1"),
    "unpaired": (dict(paired=False), "counts every seed"),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_sign_test_mistakes_are_named(name):
    kwargs, words = MISTAKES[name]
    verdict = xl.checks.check_sign_test(lambda a, b: sign_test(a, b, **kwargs))
    assert not verdict and words in verdict.message, verdict.message


def test_order_p_mistakes_are_named():
    m = chain_rule.numbers(0)
    a, b = runs(m)
    verdict = xl.checks.check_order_p(sign_test(a, b, sides=1)[2], numbers=m)
    assert not verdict and "one tail" in verdict.message
    swapped_counts = xl.checks.check_sign_test(lambda a, b: sign_test(b, a))
    assert not swapped_counts and "exactly one run" in swapped_counts.message
