"""Each student's numbers in "The two-neuron net that cannot learn the identity", exercises 2
(the infimum on -1/+1 inputs), 4 and 5 (weights by hand for the student's task) and 6 (the
corrected step): the model answers, written here in plain numpy from the student's numbers,
pass the self-checks and the hidden tests for every student; the chapter's answers, copied
from its page, fail for every student."""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import no_bias, variants

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "case-no-bias"
STUDENTS = [f"student-{i}" for i in range(200)]
MINE = {s: variants.numbers_for(CHAPTER, "ml101-2026", s) for s in STUDENTS}
OWN = no_bias.numbers(0)
PAGE = {  # the chapter's answers as its page shows them
    2: 0.125,
    4: {"W1": 10.0, "b1": -5.0, "W2": 20.0, "b2": -10.0},
    5: {"W1": 10.0, "W2": 20.0, "b2": -15.0},
}


def sigmoid(v):
    return 1 / (1 + np.exp(-v))


def infimum(m):
    """Exercise 2: the less frequent input's outputs stay at 1/2, costing 1/4 each."""
    minus, plus = m["pm_counts"]
    return min(minus, plus) / (4 * (minus + plus))


def grid_infimum(m):
    """Exercise 2 measured: the smallest loss on a grid of bias-free chains."""
    a = np.linspace(-40, 40, 401)
    w1, w2 = np.meshgrid(a, a)
    fm, fp = sigmoid(w2 * sigmoid(-w1)), sigmoid(w2 * sigmoid(w1))
    minus, plus = m["pm_counts"]
    return float(((minus * fm**2 + plus * (1 - fp) ** 2) / (minus + plus)).min())


def by_hand(m):
    """Exercise 4: a hidden switch halfway between the inputs, the output's sign by target."""
    (xa, xb), (ta, tb) = m["task"]["inputs"], m["task"]["targets"]
    sign = 1.0 if tb > ta else -1.0
    w1 = 10 / (xb - xa)
    return {"W1": w1, "b1": -w1 * (xa + xb) / 2, "W2": 20 * sign, "b2": -10 * sign}


def minimal(m):
    """Exercise 5: output logits -5 and +5 (signed by the targets) solved for w2, b2."""
    (xa, xb), (ta, tb) = m["task"]["inputs"], m["task"]["targets"]
    sign = 1.0 if tb > ta else -1.0
    w1 = 2 * np.sign(xb - xa) / max(abs(xa), abs(xb))
    ha, hb = sigmoid(w1 * xa), sigmoid(w1 * xb)
    w2 = 10 * sign / (hb - ha)
    return {"W1": w1, "W2": w2, "b2": -5 * sign - w2 * ha}


def task_loss(m, params):
    """Half the summed squared error of a chain (b1 optional) on the student's task."""
    x, t = np.array(m["task"]["inputs"]), np.array(m["task"]["targets"])
    out = sigmoid(params["W2"] * sigmoid(params["W1"] * x + params.get("b1", 0.0)) + params["b2"])
    return 0.5 * float(np.sum((out - t) ** 2))


def climb_step(m):
    """Exercise 6: one step on the student's error, hidden units as the student's numbers."""
    c = 0.5 if m["error"].startswith("1/2") else 1.0

    def step(w, x, target, rate):
        a = w[0] * x + w[1]
        h = np.tanh(a) if m["hidden"] == "tanh" else sigmoid(a)
        slope = 1 - h**2 if m["hidden"] == "tanh" else h * (1 - h)
        out = sigmoid(w[2] * h + w[3])
        back = 2 * c * (out - target) * out * (1 - out)
        back = back / len(x) if m["error"].endswith("mean") else back
        hid = back * w[2] * slope
        return w - rate * np.array([np.sum(hid * x), np.sum(hid), np.sum(back * h), np.sum(back)])

    return step


def test_seed_0_is_what_the_chapter_uses():
    assert OWN["pm_counts"] == (1, 1) and infimum(OWN) == PAGE[2]
    assert OWN["task"] == {"inputs": (0.0, 1.0), "targets": (0, 1)}
    assert (OWN["hidden"], OWN["error"]) == ("sigmoid", "1/2 sum")
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    shown = {
        c.id: "".join(o.get("text", "") for o in c.outputs) for c in nb.cells if c.get("outputs")
    }
    assert shown["nb-ex2-yours"] == "exercise 2: 1 sample(s) at x = -1, 1 at x = +1\n"
    assert shown["nb-ex4-yours"] == "exercises 4 and 5: x = 0 -> 0, x = 1 -> 1\n"
    assert shown["nb-ex6-yours"] == "exercise 6: sigmoid hidden unit, error '1/2 sum'\n"
    for k in (4, 5):
        assert xl.checks.check_identity_params(PAGE[k], bias=True if k == 4 else "output")


def test_every_students_variant_is_solvable_by_its_own_answer():
    for student, m in MINE.items():
        assert xl.checks.check_pm_one_infimum(infimum(m), numbers=m), (student, m)
        assert task_loss(m, by_hand(m)) < 0.01 and task_loss(m, minimal(m)) < 0.01, m["task"]
        assert xl.checks.check_identity_params(by_hand(m), numbers=m), (student, m)
        assert xl.checks.check_identity_params(minimal(m), bias="output", numbers=m), student
        verdict = xl.checks.check_climb_step(climb_step(m), numbers=m)
        assert verdict, (student, m, verdict.message)


@pytest.mark.parametrize("student", STUDENTS[:6])
def test_the_infimum_is_what_a_grid_finds(student):
    m = MINE[student]
    assert abs(grid_infimum(m) - infimum(m)) < 1e-9, m["pm_counts"]


def test_answers_differ_between_students_and_from_the_chapters():
    infima = {round(infimum(m), 12) for m in MINE.values()}
    tasks = {(m["task"]["inputs"], m["task"]["targets"]) for m in MINE.values()}
    climbs = {(m["hidden"], m["error"]) for m in MINE.values()}
    assert len(infima) >= 10 and PAGE[2] not in infima, len(infima)
    assert len(tasks) >= 30 and ((0.0, 1.0), (0, 1)) not in tasks, len(tasks)
    assert len(climbs) == 7 and (OWN["hidden"], OWN["error"]) not in climbs


@pytest.mark.parametrize("student", STUDENTS[:20])
def test_the_self_checks_refuse_the_chapters_answers_for_a_student(student):
    m = MINE[student]
    assert not xl.checks.check_pm_one_infimum(PAGE[2], numbers=m)
    assert not xl.checks.check_identity_params(PAGE[4], numbers=m)
    assert not xl.checks.check_identity_params(PAGE[5], bias="output", numbers=m)
    verdict = xl.checks.check_climb_step(climb_step(OWN), numbers=m)
    assert not verdict and "a step of the question's chain" in verdict.message


@pytest.mark.parametrize("student", ["student-3", "student-11", "student-42"])
def test_the_hidden_tests_expect_what_the_checks_expect(monkeypatch, student):
    """The hidden tests' own formulas (tools/nbgrader/tests/case-no-bias.py) accept the model
    answers for the student id the grader sets, and refuse the chapter's."""
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    spec = assignments.read_spec(CHAPTER)
    m = MINE[student]
    answers = {
        2: ("answer", infimum(m), PAGE[2]),
        4: ("by_hand", by_hand(m), PAGE[4]),
        5: ("minimal", minimal(m), PAGE[5]),
        6: ("climb_step", climb_step(m), climb_step(OWN)),
    }
    for k, (name, right, page) in answers.items():
        tests = compile(spec[f"ex-{CHAPTER}-{k}"].tests, f"ex-{k}", "exec")
        exec(tests, {name: right})  # raises if it fails
        with pytest.raises(AssertionError):
            exec(tests, {name: page})


def test_the_usual_mistakes_are_named():
    m = next(m for m in MINE.values() if m["pm_counts"][0] < m["pm_counts"][1])
    minus, plus = m["pm_counts"]
    verdict = xl.checks.check_pm_one_infimum(plus / (4 * (minus + plus)), numbers=m)
    assert not verdict and "more frequent input" in verdict.message
    m = next(m for m in MINE.values() if m["task"]["targets"] == (1, 0))
    verdict = xl.checks.check_identity_params(by_hand({**m, "task": OWN["task"]}), numbers=m)
    assert not verdict and "wrong side of 1/2" in verdict.message
    m = next(m for m in MINE.values() if m["error"] == "mean")
    verdict = xl.checks.check_climb_step(climb_step({**m, "error": "sum"}), numbers=m)
    assert not verdict and "n = 2 times too large" in verdict.message, verdict.message
