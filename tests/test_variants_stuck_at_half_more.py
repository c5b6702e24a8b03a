"""Each student's loss in exercise 3 of *Stuck at 0.5* (the output delta): the model answer,
written here in plain numpy from the student's numbers, passes the self-check and the hidden
test for every student; the chapter's answer, `(p - y) / n` as its page shows it, fails for
every student."""

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
OWN = stuck_at_half.numbers(0)


def output_delta(m):
    """dL/dz of L = -s sum(w y ln p + (1 - y) ln(1 - p)), p = sigmoid(z)."""
    w = m["pos_weight"]

    def fn(z, y):
        p = 1 / (1 + np.exp(-z))
        s = 1 / len(z) if m["reduction"] == "mean" else 1.0
        return s * (p * (w * y + 1 - y) - w * y)

    return fn


def page_delta(z, y):
    """The chapter's answer: the mean BCE's (p - y) / n."""
    return (1 / (1 + np.exp(-z)) - y) / len(z)


def numeric_delta(m, z, y):
    """Central differences of the student's loss in each logit, plain numpy."""
    w, s = m["pos_weight"], 1 / len(z) if m["reduction"] == "mean" else 1.0

    def loss(v):
        return s * float(np.sum(w * y * np.logaddexp(0, -v) + (1 - y) * np.logaddexp(0, v)))

    eye = 1e-6 * np.eye(len(z))
    return np.array([[(loss(z + e[:, None]) - loss(z - e[:, None])) / 2e-6] for e in eye])


def test_seed_0_is_what_the_chapter_uses():
    assert (OWN["pos_weight"], OWN["reduction"]) == (1.0, "mean")
    nb = nbformat.read(ROOT / "chapters" / f"{CHAPTER}.ipynb", as_version=4)
    cell = next(c for c in nb.cells if f'my_numbers("{CHAPTER}")' in c.source)
    shown = dict(ln.strip().split(": ", 1) for ln in cell.outputs[0]["text"].splitlines())
    assert (shown["pos_weight"], shown["reduction"]) == ("1.0", "mean")
    assert xl.checks.check_output_delta(page_delta)


def test_every_students_variant_is_solvable_and_is_the_slope_of_the_loss():
    rng = np.random.default_rng(4)
    for student, m in MINE.items():
        assert xl.checks.check_output_delta(output_delta(m), numbers=m), (student, m)
    for m in list(MINE.values())[:20]:  # the answer is the loss's slope, measured apart
        z, y = rng.normal(size=(5, 1)), rng.integers(0, 2, size=(5, 1)).astype(float)
        assert np.allclose(output_delta(m)(z, y), numeric_delta(m, z, y), atol=1e-7)


def test_answers_differ_between_students_and_from_the_chapters():
    z, y = np.array([[0.3], [-1.2], [2.0]]), np.array([[1.0], [0.0], [1.0]])
    deltas = {tuple(np.round(output_delta(m)(z, y).ravel(), 9)) for m in MINE.values()}
    assert len(deltas) >= 9 and tuple(np.round(page_delta(z, y).ravel(), 9)) not in deltas


@pytest.mark.parametrize("student", STUDENTS[:20])
def test_the_self_check_refuses_the_chapters_answer_for_a_student(student):
    assert not xl.checks.check_output_delta(page_delta, numbers=MINE[student])


@pytest.mark.parametrize("student", ["student-3", "student-11", "student-42"])
def test_the_hidden_test_expects_what_the_check_expects(monkeypatch, student):
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, student)
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    tests = compile(assignments.read_spec(CHAPTER)[f"ex-{CHAPTER}-3"].tests, "ex-3", "exec")
    exec(tests, {"output_delta": output_delta(MINE[student])})  # raises if it fails
    with pytest.raises(AssertionError):
        exec(tests, {"output_delta": page_delta})


def test_the_usual_mistakes_are_named():
    m = next(m for m in MINE.values() if m["pos_weight"] != 1 and m["reduction"] == "sum")
    for wrong, words in (
        ({**m, "pos_weight": 1.0}, "weight of the y = 1 term"),
        ({**m, "reduction": "mean"}, "a *sum*"),
    ):
        verdict = xl.checks.check_output_delta(output_delta(wrong), numbers=m)
        assert not verdict and words in verdict.message, verdict.message


# --- exercise 4: the design, for each (width, budget) a student can get -----------------------

PAGE_DESIGN = dict(init="uniform01", init_scale=2.0, lr=0.1, epochs=2000, bias=True)


def design(m):
    """The model design: a start that keeps every unit alive; few epochs need larger steps."""
    lr = 0.1 if m["max_epochs"] >= 2000 else 0.5
    return dict(init="uniform01", init_scale=2.0, lr=lr, epochs=m["max_epochs"], bias=True)


def strict_success_in_numpy(width, lr, epochs, n=300, seed=9):
    """The share of n 2-width-1 ReLU nets with biases (weights uniform on [0, 2), biases 0)
    whose four XOR outputs all fall on the right side of 1/2 after full-batch gradient
    descent on the mean BCE: plain numpy, all nets at once."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    rng = np.random.default_rng(seed)
    A, a = rng.uniform(0, 2, size=(n, 2, width)), np.zeros((n, 1, width))
    B, b = rng.uniform(0, 2, size=(n, width, 1)), np.zeros((n, 1, 1))
    for _ in range(epochs):
        z = X @ A + a
        h = np.maximum(z, 0)
        p = 1 / (1 + np.exp(-(h @ B + b)))
        d2 = (p - y) / 4
        d1 = (d2 @ B.transpose(0, 2, 1)) * (z > 0)
        B, b = B - lr * h.transpose(0, 2, 1) @ d2, b - lr * d2.sum(1, keepdims=True)
        A, a = A - lr * X.T @ d1, a - lr * d1.sum(1, keepdims=True)
    p = 1 / (1 + np.exp(-(np.maximum(X @ A + a, 0) @ B + b)))
    return float(np.mean(np.all((p > 0.5) == (y > 0.5), axis=(1, 2))))


DESIGNS = sorted({(m["design_width"], m["max_epochs"]) for m in MINE.values()})


def test_every_design_variant_occurs_and_is_never_the_chapters():
    assert DESIGNS == sorted(stuck_at_half.DESIGNS)
    assert (OWN["design_width"], OWN["max_epochs"]) == (3, 2000)
    assert design(OWN) == PAGE_DESIGN


@pytest.mark.parametrize("width, budget", DESIGNS)
def test_the_model_design_passes_and_the_chapters_fails_even_within_the_budget(width, budget):
    m = next(m for m in MINE.values() if (m["design_width"], m["max_epochs"]) == (width, budget))
    assert xl.checks.check_relu_xor_design(design(m), numbers=m)
    verdict = xl.checks.check_relu_xor_design(PAGE_DESIGN, numbers=m)
    assert not verdict and f"1 to {budget} epochs" in verdict.message
    verdict = xl.checks.check_relu_xor_design({**PAGE_DESIGN, "epochs": budget}, numbers=m)
    assert not verdict and "is not enough" in verdict.message
    # measured apart, in plain numpy on other seeds: lr 0.5 learns, the page's 0.1 falls short
    assert strict_success_in_numpy(width, 0.5, budget) > 0.9
    assert strict_success_in_numpy(width, 0.1, budget) < 0.9


def test_the_designs_hidden_test_expects_what_the_check_expects(monkeypatch):
    from tools import assignments

    monkeypatch.setenv(variants.STUDENT, "student-3")
    monkeypatch.setenv(variants.COURSE, "ml101-2026")
    tests = compile(assignments.read_spec(CHAPTER)[f"ex-{CHAPTER}-4"].tests, "ex-4", "exec")
    exec(tests, {"design": design(MINE["student-3"])})  # raises if it fails
    with pytest.raises(AssertionError):
        exec(tests, {"design": PAGE_DESIGN})
