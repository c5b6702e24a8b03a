"""No edition handed out for credit states an exercise's answer above the exercise.

tools/answer_leaks.py lists the places where a chapter does, and how each exercise's answer
would read (ANSWERS). The student edition (tools/student.py) and the nbgrader assignment
(tools/assignments.py: its release shows the Markdown, the code without solutions and the
stored results) must show none of those patterns in the text, code and outputs above the
exercise, while the book itself does (so each pattern is a real leak, hidden by the editions).
The exercises with per-student numbers are checked for several students at the end.
"""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import xorlab as xl
from tools import answer_leaks, assignments, student, toc
from xorlab.exercises.variants import numbers_for

ROOT = Path(__file__).resolve().parents[1]

CHAPTERS = {p.stem: p for p in toc.chapters()}
LABELS = sorted(answer_leaks.ANSWERS)


def chapter_of(label):
    return next(stem for stem in CHAPTERS if label.startswith(f"ex-{stem}-"))


def above(cells, marker):
    """The text shown above the first cell whose source holds `marker`."""
    at = next(i for i, c in enumerate(cells) if marker in c.source)
    return answer_leaks.shown(cells[:at])


@pytest.mark.parametrize("path", CHAPTERS.values(), ids=list(CHAPTERS))
def test_every_edit_still_finds_its_text(path):
    nb = nbformat.read(path, as_version=4)
    answer_leaks.hide(path.stem, nb.cells)  # raises if a chapter moved on


@pytest.mark.parametrize("label", LABELS)
def test_the_book_shows_the_answer_but_no_edition_does(label):
    stem = chapter_of(label)
    book = nbformat.read(CHAPTERS[stem], as_version=4).cells
    assert answer_leaks.leaks(label, above(book, f":label: {label}")), (
        f"{label}: the book shows none of its answer's patterns above it (a stale entry?)"
    )
    edition = student.student_cells(answer_leaks.hide(stem, book))
    assert answer_leaks.leaks(label, above(edition, f":label: {label}")) == []
    source, _ = assignments.source_notebook(CHAPTERS[stem])
    release = [
        nbformat.v4.new_code_cell(REGION.sub("", c.source)) if c.cell_type == "code" else c
        for c in source.cells
    ]
    assert answer_leaks.leaks(label, above(release, f"### Exercise `{label}`")) == []


REGION = assignments.re.compile(r"### BEGIN SOLUTION\n.*?### END SOLUTION", assignments.re.S)


# --- answers that differ per student ------------------------------------------------------------
# The page works through the chapter's own numbers, which are seed 0 (numbers(0)); a student's
# seed is never 0, so the page's numbers are never a student's. Each student's answer, computed
# here in plain numpy from their numbers, must not be stated above its exercise in the release
# (the same cells a student sees). The chapter's own answers are stated there, at seed 0 only.

STUDENTS = [f"student-{i}" for i in range(25)]
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def b2_gradient(m):
    q = xl.MLP((2, m["width"], 1), seed=m["net_seed"]).params
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    return float(np.mean(sig(sig(XOR_X @ q["W1"] + q["b1"]) @ q["W2"] + q["b2"]) - XOR_Y))


NUMBER_ANSWERS = {  # label: the answer from a student's numbers
    "ex-xor-done-right-2": b2_gradient,
    "ex-case-stuck-at-half-1": lambda m: m["counts"][0] * np.log(2) / sum(m["counts"]),
    "ex-case-stuck-at-half-2": lambda m: (
        (-m["weight_range"][0] / (m["weight_range"][1] - m["weight_range"][0])) ** m["inputs"]
    ),
    "ex-case-sigmoid-vs-tanh-2": lambda m: 1 / (m["p"] * (1 - m["p"])),
    "ex-case-no-bias-2": lambda m: min(m["pm_counts"]) / (4 * sum(m["pm_counts"])),
}


SHARES = {"ex-case-stuck-at-half-2"}


def release_above(stem, label):
    """What the release of `stem` shows above exercise `label` (solutions left out)."""
    source, _ = assignments.source_notebook(CHAPTERS[stem])
    release = [
        nbformat.v4.new_code_cell(REGION.sub("", c.source)) if c.cell_type == "code" else c
        for c in source.cells
    ]
    return above(release, f"### Exercise `{label}`")


@pytest.mark.parametrize("label", sorted(NUMBER_ANSWERS))
def test_no_students_number_answer_is_stated_above_its_exercise(label):
    stem = chapter_of(label)
    shown = release_above(stem, label)
    answers = {}
    for who in STUDENTS:
        m = numbers_for(stem, assignments.COURSE_ID, who)
        answers[who] = NUMBER_ANSWERS[label](m)
        share = label in SHARES  # a fraction of a whole: its percentage counts too
        stated = answer_leaks.states_number(shown, answers[who], share)
        assert not stated, f"{label}: {who}'s answer is on the page as {stated}"
    assert len(set(answers.values())) >= 5, "the students' answers hardly differ"


def test_the_detector_finds_the_chapters_own_answer_where_the_book_states_it():
    """The book states stuck-at-half's seed-0 floor (ln 2 / 4 = 0.1733) above exercise 1: the
    detector sees it there, and the editions (answer_leaks.EDITS) hide it."""
    label = "ex-case-stuck-at-half-1"
    book = nbformat.read(CHAPTERS["case-stuck-at-half"], as_version=4).cells
    chapter = NUMBER_ANSWERS[label](numbers_for("case-stuck-at-half", "", ""))
    assert answer_leaks.states_number(above(book, f":label: {label}"), chapter)
    assert not answer_leaks.states_number(release_above("case-stuck-at-half", label), chapter)


def test_the_pages_backward_pass_answers_no_students_exercise_6():
    """xor-done-right shows `loss_and_grads`, the backward pass of the chapter's network, above
    exercise 6: it passes the check with the chapter's numbers and fails every student's."""
    book = nbformat.read(CHAPTERS["xor-done-right"], as_version=4).cells
    label = "ex-xor-done-right-6"
    code = next(c.source for c in book if "def loss_and_grads" in c.source)
    assert "def loss_and_grads" in release_above("xor-done-right", label)
    space = {"np": np}
    exec(code.replace("loss_and_grads", "page_grads"), space)  # a name the guard lets through
    page = lambda q, X, y: space["page_grads"](q, X, y)[1]  # noqa: E731
    assert xl.checks.check_backward(page)  # the chapter's own answer: seed 0
    for who in STUDENTS:
        m = numbers_for("xor-done-right", assignments.COURSE_ID, who)
        assert not xl.checks.check_backward(page, numbers=m), who
