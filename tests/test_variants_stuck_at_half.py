"""Each student's numbers for the exercises of *Stuck at 0.5* (xorlab.exercises.stuck_at_half).

Seed 0 is the chapter's own numbers, which the page works through; students never get seed 0
(variants.variant_seed), so the tests draw 200 student ids of one course and check that every
variant is solvable (an answer written here in plain numpy passes its self-check), that the
answers differ between students, and that none is the chapter's.
"""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import stuck_at_half, variants

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "case-stuck-at-half"
STUDENTS = [f"student-{i}" for i in range(200)]
MINE = {s: variants.numbers_for(CHAPTER, "ml101-2026", s) for s in STUDENTS}


def floor(m):
    """Exercise 1: the origin's samples cost ln 2 each, the others nothing at the limit."""
    return m["counts"][0] * np.log(2) / sum(m["counts"])


def dead_share(m):
    """Exercise 2: every one of the d weights <= 0."""
    low, high = m["weight_range"]
    return (-low / (high - low)) ** m["inputs"]


def measured_dead_share(m, units=200_000):
    """Exercise 2 measured: units dead on every point of {0, 1}^d, in plain numpy."""
    d, (low, high) = m["inputs"], m["weight_range"]
    W = np.random.default_rng(5).uniform(low, high, size=(d, units))
    corners = np.array([[(i >> j) & 1 for j in range(d)] for i in range(2**d)])
    return float(np.mean(np.all(corners @ W <= 0, axis=0)))


def fixed_step(m):
    """Exercise 5 in plain numpy: one step of the leaky network on the mean BCE."""

    def fn(q, X, y, lr):
        z = X @ q["A"] + q["a"]
        h = np.where(z > 0, z, m["leak"] * z)
        p = 1 / (1 + np.exp(-(h @ q["B"] + q["b"])))
        d2 = (p - y) / len(X)
        d1 = (d2 @ q["B"].T) * np.where(z > 0, 1.0, m["leak"])
        grads = {"A": X.T @ d1, "a": d1.sum(0), "B": h.T @ d2, "b": d2.sum(0)}
        return {k: q[k] - lr * grads[k] for k in q}

    return fn


def test_seed_0_is_what_the_chapter_uses(monkeypatch):
    chapter = stuck_at_half.numbers(0)
    assert chapter == {
        "counts": [1, 1, 1, 1],
        "inputs": 2,
        "weight_range": [-1.0, 1.0],
        "leak": 0.0,
        "pos_weight": 1.0,
        "reduction": "mean",
        "design_width": 3,
        "max_epochs": 2000,
    }
    assert np.isclose(floor(chapter), np.log(2) / 4) and dead_share(chapter) == 0.25
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if f'my_numbers("{CHAPTER}")' in c.source)
    printed = "".join(o.text for o in cell.outputs)
    assert [ln.split(": ", 1)[1] for ln in printed.strip("\n").split("\n")] == [
        str(v) for v in chapter.values()
    ]
    monkeypatch.delenv(variants.STUDENT, raising=False)
    monkeypatch.delenv(variants.HUB_USER, raising=False)
    assert xl.checks.my_numbers(CHAPTER) == chapter  # a reader without an id gets them


def test_every_students_variant_is_solvable_by_its_own_answer():
    for student, m in MINE.items():
        assert xl.checks.check_no_bias_floor(floor(m), numbers=m), (student, m)
        assert xl.checks.check_dead_at_init(dead_share(m), numbers=m), (student, m)
        verdict = xl.checks.check_stuck_step(fixed_step(m), numbers=m)
        assert verdict, (student, m, verdict.message)


@pytest.mark.parametrize("student", STUDENTS[:8])
def test_the_dead_share_is_what_a_measurement_finds(student):
    m = MINE[student]
    assert abs(measured_dead_share(m) - dead_share(m)) < 0.005, m


def test_answers_differ_between_students_and_from_the_chapters():
    chapter = stuck_at_half.numbers(0)
    floors = {round(floor(m), 9) for m in MINE.values()}
    shares = {round(dead_share(m), 9) for m in MINE.values()}
    leaks = {m["leak"] for m in MINE.values()}
    assert len(floors) >= 15 and round(floor(chapter), 9) not in floors, len(floors)
    assert len(shares) >= 25 and 0.25 not in shares and min(shares) >= 0.01, len(shares)
    assert len(leaks) == 6 and 0.0 not in leaks


@pytest.mark.parametrize("student", STUDENTS[:20])
def test_the_self_checks_refuse_the_chapters_answers_for_a_student(student):
    m = MINE[student]
    chapter = stuck_at_half.numbers(0)
    assert not xl.checks.check_no_bias_floor(floor(chapter), numbers=m)
    assert not xl.checks.check_dead_at_init(dead_share(chapter), numbers=m)
    verdict = xl.checks.check_stuck_step(fixed_step(chapter), numbers=m)
    assert not verdict and "a step of the ReLU network" in verdict.message


def test_the_hidden_tests_expect_what_the_checks_expect(monkeypatch):
    """The hidden tests' own formulas (tools/nbgrader/tests/case-stuck-at-half.py) accept the
    reference answers for the student id the grader sets, and refuse the chapter's."""
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, "student-3")
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    spec = assignments.read_spec(CHAPTER)
    m, chapter = MINE["student-3"], stuck_at_half.numbers(0)
    for k, name, answer in ((1, "floor", floor), (2, "dead_share", dead_share)):
        tests = compile(spec[f"ex-{CHAPTER}-{k}"].tests, f"ex-{k}", "exec")
        exec(tests, {name: answer(m)})  # raises if it fails
        with pytest.raises(AssertionError):
            exec(tests, {name: answer(chapter)})
    tests = compile(spec[f"ex-{CHAPTER}-5"].tests, "ex-5", "exec")
    exec(tests, {"fixed_step": fixed_step(m)})
    with pytest.raises(AssertionError):
        exec(tests, {"fixed_step": fixed_step(chapter)})


def census(params, X):
    """Exercise 6 in plain numpy: ReLU units dead (z <= 0) or the identity (z >= 0) on every
    row."""
    z = X @ params["A"] + params["a"]
    return {"dead": (z <= 0).all(axis=0), "linear": (z >= 0).all(axis=0)}


def test_the_census_is_solvable_for_every_student_and_names_the_usual_mistakes():
    for student, m in MINE.items():
        assert xl.checks.check_census(census, numbers=m), (student, m)
    m = MINE["student-0"]

    def some_row(params, X):
        z = X @ params["A"] + params["a"]
        return {"dead": (z <= 0).any(axis=0), "linear": (z >= 0).all(axis=0)}

    def strict(params, X):
        z = X @ params["A"] + params["a"]
        return {"dead": (z < 0).all(axis=0), "linear": (z >= 0).all(axis=0)}

    def swapped(params, X):
        c = census(params, X)
        return {"dead": c["linear"], "linear": c["dead"]}

    for wrong, words in ((some_row, "every* row"), (strict, "z = 0 counts"), (swapped, "swapped")):
        verdict = xl.checks.check_census(wrong, numbers=m)
        assert not verdict and words in verdict.message, (wrong.__name__, verdict.message)
    assert "dict with the keys" in xl.checks.check_census(lambda q, X: [], numbers=m).message
