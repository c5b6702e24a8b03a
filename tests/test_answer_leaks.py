"""No edition handed out for credit states an exercise's answer above the exercise.

tools/answer_leaks.py lists the places where a chapter does, and how each exercise's answer
would read (ANSWERS). The student edition (tools/student.py) and the nbgrader assignment
(tools/assignments.py: its release shows the Markdown, the code without solutions and the
stored results) must show none of those patterns in the text, code and outputs above the
exercise, while the book itself does (so each pattern is a real leak, hidden by the editions).
"""

from pathlib import Path

import nbformat
import pytest

from tools import answer_leaks, assignments, student, toc

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
