"""Each student's numbers for the exercises of the field guide: the number n of samples whose
summed gradient the doctor reports (exercise 1), the network and the array of the planted sign
flip (exercise 2), and the size, start and rate of the class to adapt (exercise 3). The model
answers pass for every student; the chapter's answers fail for every student; the hidden
tests expect what the checks expect."""

import functools
from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from tools import assignments
from xorlab.exercises import field_guide, variants

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "field-guide"
STUDENTS = [f"student-{i}" for i in range(200)]


# Computed when a test first needs them, once per process: at module level they would be
# computed at collection, by every pytest-xdist worker, for tests that run on one of them.
@functools.cache
def students_numbers():
    """{student: their numbers} for STUDENTS."""
    return {s: variants.numbers_for(CHAPTER, "ml101-2026", s) for s in STUDENTS}


@functools.cache
def chapter_numbers():
    """The chapter's own numbers."""
    return field_guide.numbers(0)


X, Y = xl.xor()


def flip_case(m):
    """Exercise 2's answer for the numbers m: the MLP's true gradient, one array negated."""
    case = xl.adapt_mlp(xl.MLP((2, m["units"], 1), seed=m["net_seed"]), X, Y)
    true = case["grad"]
    return {**case, "grad": lambda p: {k: -g if k == m["flip"] else g for k, g in true(p).items()}}


class ColumnNet:
    """Exercise 3's class for the numbers m, written out again: samples as columns."""

    def __init__(self, m):
        rng = np.random.default_rng(m["start"])
        self.U, self.u = rng.normal(0, 1, (m["width"], 2)), np.zeros((m["width"], 1))
        self.v, self.c = rng.normal(0, 1, (1, m["width"])), np.zeros((1, 1))
        self.rate = m["rate"]

    def output(self, A):
        self.hid = np.tanh(self.U @ A + self.u)
        return 1 / (1 + np.exp(-(self.v @ self.hid + self.c)))

    def learn(self, A, T):
        e = (self.output(A) - T) / A.shape[1]
        back = (self.v.T @ e) * (1 - self.hid**2)
        self.v -= self.rate * e @ self.hid.T
        self.c -= self.rate * e.sum(axis=1, keepdims=True)
        self.U -= self.rate * back @ A.T
        self.u -= self.rate * back.sum(axis=1, keepdims=True)


def adapter(m, lr=None):
    """Exercise 3's answer for the numbers m (the class's own rate unless `lr`)."""
    keys = ("U", "u", "v", "c")

    def holding(p):
        net = ColumnNet(m)
        for k in keys:
            setattr(net, k, p[k].copy())
        return net

    def stepped(p):
        net = holding(p)
        net.learn(X.T, Y.T)
        return {k: getattr(net, k) for k in keys}

    def loss(p):
        q = holding(p).output(X.T).T
        return float(np.mean(-Y * np.log(q) - (1 - Y) * np.log(1 - q)))

    begin = {k: getattr(ColumnNet(m), k) for k in keys}
    rate = m["rate"] if lr is None else lr
    return dict(params=begin, loss=loss, X=X, y=Y, lr=rate,
                grad=xl.implied_gradient(stepped, begin, lr=rate),
                predict=lambda p, Z: holding(p).output(Z.T).T)  # fmt: skip


def test_seed_zero_gives_the_chapters_numbers():
    own = chapter_numbers()
    assert own == {"n": 4, "units": 3, "net_seed": 1, "flip": "W2", "width": 3,
                   "start": 11, "rate": 0.3}  # fmt: skip
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    shown = next(c for c in nb.cells if c.get("id") == "fg-mine").outputs[0]["text"]
    assert shown.splitlines() == [
        "exercise 1: n = 4; exercise 2: xl.MLP((2, 3, 1), seed=1), flip W2",
        "exercise 3: ColumnNet with 3 hidden units, start 11, rate 0.3",
    ]


def test_the_answers_differ_between_students_and_from_the_chapters():
    ns = {m["n"] for m in students_numbers().values()}
    flips = {(m["units"], m["flip"]) for m in students_numbers().values()}
    classes = {(m["width"], m["start"], m["rate"]) for m in students_numbers().values()}
    assert len(ns) >= 40 and 4 not in ns
    assert len(flips) == 10 and all(f != "W2" for _, f in flips)
    assert len(classes) >= 180 and all(r not in (0.3, 1.0) for *_, r in classes)
    assert {w for w, *_ in classes} == {3, 4, 5, 6}


def test_exercise_1_for_every_student():
    for m in students_numbers().values():
        assert xl.checks.check_sum_factor(m["n"], numbers=m)
        verdict = xl.checks.check_sum_factor(4, numbers=m)
        assert not verdict and "XOR's n" in verdict.message
        assert not xl.checks.check_sum_factor(1 / m["n"], numbers=m)


@pytest.mark.parametrize("student", STUDENTS[:40])
def test_exercises_2_and_3_solvable_and_the_chapters_answers_fail(student):
    m = students_numbers()[student]
    assert xl.checks.check_sign_flip(flip_case(m), numbers=m), m
    verdict = xl.checks.check_sign_flip(flip_case(chapter_numbers()), numbers=m)
    assert not verdict, m
    assert xl.checks.check_adapter(adapter(m), numbers=m), m
    assert not xl.checks.check_adapter(adapter(m, lr=0.3), numbers=m)  # the chapter's rate
    assert not xl.checks.check_adapter(adapter(chapter_numbers()), numbers=m)  # the chapter's class


def test_a_flip_elsewhere_and_another_network_are_named():
    m = next(m for m in students_numbers().values() if m["flip"] == "W1")
    other = xl.checks.check_sign_flip(flip_case({**m, "flip": "b1"}), numbers=m)
    assert not other and "not in W1 alone" in other.message
    wrong_net = xl.checks.check_sign_flip(flip_case({**m, "units": m["units"] + 1}), numbers=m)
    assert not wrong_net and "start from your network" in wrong_net.message
    verdict = xl.checks.check_adapter(adapter(chapter_numbers()), numbers=m)
    assert "not where your ColumnNet() starts" in verdict.message


@pytest.mark.parametrize("student", ["student-0", "student-1", "student-2"])
def test_the_hidden_tests_expect_what_the_checks_expect(monkeypatch, student):
    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    spec = assignments.read_spec(CHAPTER)
    m = students_numbers()[student]
    mine = {1: {"answer": m["n"]}, 2: {"case": flip_case(m)}, 3: {"adapter": adapter(m)}}
    chapters = {1: {"answer": 4}, 2: {"case": flip_case(chapter_numbers())},
                3: {"adapter": adapter(chapter_numbers())}}  # fmt: skip
    for k in (1, 2, 3):
        code = compile(spec[f"ex-{CHAPTER}-{k}"].tests, f"ex-{k}", "exec")
        exec(code, dict(mine[k]))  # raises if it fails
        with pytest.raises(AssertionError):
            exec(code, dict(chapters[k]))


def test_the_chapters_solutions_compute_from_mine():
    """The class cell and the solutions of exercises 1 to 3, run with a student's numbers,
    pass that student's checks."""
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    cells = {c.get("id"): c.source for c in nb.cells}
    for m in list(students_numbers().values())[:4]:
        space = {"np": np, "xl": xl, "mine": m, "X": X, "y": Y, "print": lambda *a: None}
        for cid in ("c6507005", "1d9dbff8", "ab97248c", "11fb0afe"):
            exec(cells[cid], space)
        assert xl.checks.check_sum_factor(space["answer"], numbers=m)
        assert xl.checks.check_sign_flip(space["case"], numbers=m)
        assert xl.checks.check_adapter(space["adapter"], numbers=m)
