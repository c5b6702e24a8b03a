"""Each student's numbers for the exercises of *XOR, done right* (xorlab.exercises.xor_done_right).

Seed 0 is the chapter's own numbers, which the page works through; students never get seed 0
(variants.variant_seed), so the tests draw 200 student ids of one course and check that every
variant is solvable (an answer written here in plain numpy passes its self-check), that the
answers differ between students, and that none is the chapter's.
"""

import json
from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from xorlab.exercises import variants, xor_done_right

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "xor-done-right"
STUDENTS = [f"student-{i}" for i in range(200)]
MINE = {s: variants.numbers_for(CHAPTER, "ml101-2026", s) for s in STUDENTS}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def bce_dp(m):
    """A student's exercise 1, written from the exercise's formula."""

    def fn(p, y):
        s = 1 / len(p) if m["reduction"] == "mean" else 1.0
        return s * (-m["pos_weight"] * y / p + (1 - y) / (1 - p))

    return fn


def b2_gradient(m):
    """A student's exercise 2: the mean of p - y, with the network's forward in plain numpy."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    q = xl.MLP((2, m["width"], 1), seed=m["net_seed"]).params
    p = sigmoid(sigmoid(X @ q["W1"] + q["b1"]) @ q["W2"] + q["b2"])
    return float(np.mean(p - y))


def backward(m):
    """A student's exercise 6, in plain numpy."""

    def fn(q, X, y):
        z = X @ q["W1"] + q["b1"]
        a = np.tanh(z) if m["hidden"] == "tanh" else sigmoid(z)
        slope = 1 - a**2 if m["hidden"] == "tanh" else a * (1 - a)
        p = sigmoid(a @ q["W2"] + q["b2"])
        d2 = (p - y) / len(X) if m["loss"] == "bce" else 2 * (p - y) * p * (1 - p) / len(X)
        d1 = (d2 @ q["W2"].T) * slope
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": a.T @ d2, "b2": d2.sum(axis=0)}

    return fn


def test_seed_0_is_what_the_chapter_uses(monkeypatch):
    chapter = xor_done_right.numbers(0)
    assert chapter == {
        "pos_weight": 1.0,
        "reduction": "mean",
        "net_seed": 0,
        "width": 2,
        "hidden": "sigmoid",
        "loss": "bce",
        "levels": (0.0, 1.0),
        "gate": "xor",
        "relu_width": 2,
        "relu_seed": 0,
    }
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if f'my_numbers("{CHAPTER}")' in c.source)
    printed = "".join(o.text for o in cell.outputs)
    lines = [line.strip().split(": ", 1) for line in printed.strip("\n").split("\n")]
    assert lines == [[k, str(v)] for k, v in chapter.items()]
    monkeypatch.delenv(variants.STUDENT, raising=False)
    monkeypatch.delenv(variants.HUB_USER, raising=False)
    assert xl.checks.my_numbers(CHAPTER) == chapter  # a reader without an id gets them


def test_every_students_variant_is_solvable_by_its_own_answer():
    for student, m in list(MINE.items()):
        assert xl.checks.check_bce_grad(bce_dp(m), numbers=m), (student, m)
        assert xl.checks.check_b2_gradient(b2_gradient(m), numbers=m), (student, m)
        verdict = xl.checks.check_backward(backward(m), numbers=m)
        assert verdict, (student, m, verdict.message)


def test_answers_differ_between_students_and_from_the_chapters():
    chapter = xor_done_right.numbers(0)
    b2 = {round(b2_gradient(m), 9) for m in MINE.values()}
    assert len(b2) >= 190, len(b2)  # 1,000 network seeds times 3 widths
    assert round(b2_gradient(chapter), 9) not in b2
    losses = {(m["pos_weight"], m["reduction"]) for m in MINE.values()}
    assert len(losses) == 10 and (1.0, "mean") not in losses
    networks = {(m["hidden"], m["loss"], m["width"]) for m in MINE.values()}
    assert len(networks) == 9
    assert all((m["hidden"], m["loss"]) != ("sigmoid", "bce") for m in MINE.values())


@pytest.mark.parametrize("student", STUDENTS[:20])
def test_the_self_checks_refuse_the_chapters_answers_for_a_student(student):
    m = MINE[student]
    chapter = xor_done_right.numbers(0)
    assert not xl.checks.check_bce_grad(bce_dp(chapter), numbers=m)
    assert not xl.checks.check_b2_gradient(b2_gradient(chapter), numbers=m)
    verdict = xl.checks.check_backward(backward(chapter), numbers=m)
    assert not verdict
    if m["width"] == 2:  # the chapter's shapes: said to be the chapter's network
        assert "the chapter's network" in verdict.message


def test_a_students_answer_fails_the_chapters_own_check():
    m = next(m for m in MINE.values() if m["loss"] == "mse")
    assert not xl.checks.check_backward(backward(m))
    assert (
        "numbers must be the dict"
        in xl.checks.check_bce_grad(bce_dp(m), numbers={"pos_weight": 2}).message
    )


def test_the_hidden_tests_expect_what_the_checks_expect(monkeypatch):
    """The hidden tests' own formulas (tools/nbgrader/tests/xor-done-right.py) give the
    reference answer for a student id the grader sets."""
    monkeypatch.setenv(variants.STUDENT, "student-7")
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    from tools import assignments

    spec = assignments.read_spec(CHAPTER)
    m = MINE["student-7"]
    for label, answer in (
        ("ex-xor-done-right-1", {"bce_dp": bce_dp(m)}),
        ("ex-xor-done-right-2", {"answer": b2_gradient(m)}),
        ("ex-xor-done-right-6", {"backward": backward(m)}),
    ):
        exec(compile(spec[label].tests, label, "exec"), {**answer})  # raises if it fails
    wrong = {"answer": b2_gradient(xor_done_right.numbers(0))}
    with pytest.raises(AssertionError):
        exec(compile(spec["ex-xor-done-right-2"].tests, "ex-2", "exec"), wrong)
    assert json.dumps(m)  # the numbers are plain data (they cross to the kernel as JSON)
