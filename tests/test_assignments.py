"""The nbgrader course (`make assignments`, tools/assignments.py).

The fast tests read the chapters and the hidden-test files: every exercise is graded, the
solution regions hide what they should, the at-scale cells do not run. The round trip runs
nbgrader itself (the grading environment, .venv-grade) on two chapters: the solutions get every
autograded point and the untouched release none. `make assignments-check` runs it for all.
"""

import ast
import os
import re
from pathlib import Path

import nbformat
import pytest

import xorlab as xl
from tools import assignments, toc
from tools.nbgrader import grade_apart
from xorlab.exercises.variants import numbers_for

ROOT = Path(__file__).resolve().parents[1]

CHAPTERS = toc.chapters()
# Every chapter goes through nbgrader: solutions at full marks, the untouched release at zero.
ROUND_TRIP = tuple(p.stem for p in CHAPTERS)
SOLVERS = assignments.SOLVERS
REGION = re.compile(r"[ \t]*### BEGIN SOLUTION\n.*?### END SOLUTION[^\n]*", re.S)
LABEL = re.compile(r"\{exercise\}[^\n]*\n(?::[^\n]*\n)*?:label:[ \t]*(\S+)")
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n.*?### END HIDDEN TESTS[^\n]*", re.S)


def clear(source):
    """What nbgrader leaves of a solution cell: each region replaced by the code stub."""
    return REGION.sub(
        lambda m: (
            (" " * (len(m.group(0)) - len(m.group(0).lstrip()))) + "raise NotImplementedError()"
        ),
        source,
    )


def labels(path):
    """The exercise labels of a chapter, in order."""
    nb = nbformat.read(path, as_version=4)
    return [
        label
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for label in LABEL.findall(cell.source)
    ]


# --- solution cells ------------------------------------------------------------------------


def test_a_function_keeps_its_signature_and_docstring_and_hides_its_body():
    src = (
        "# the formula: (p - y) / n\n"
        "def grad(p,\n         y):\n"
        '    """dL/dp, shape (n, 1)."""\n'
        "    return (p - y) / len(p)\n\n\n"
        "answer = grad(1, 2)\n"
        "print(answer)\n"
    )
    marked = assignments.solution_source(src)
    left = clear(marked)
    ast.parse(marked)
    ast.parse(left)
    assert "def grad(p,\n         y):" in left and '"""dL/dp, shape (n, 1)."""' in left
    for secret in ("(p - y) / len(p)", "the formula", "answer = grad", "print(answer)"):
        assert secret in marked and secret not in left
    assert left.count("raise NotImplementedError()") == 2  # the body, and the statements after


def test_statements_only_become_one_region():
    src = "p = net.forward(X)\nanswer = float(p.sum())  # the sum\n"
    marked = assignments.solution_source(src)
    assert marked.splitlines()[0] == "### BEGIN SOLUTION"
    assert clear(marked) == "raise NotImplementedError()"


# --- which cells run ---------------------------------------------------------------------------


def code(src):
    return nbformat.v4.new_code_cell(src)


def test_at_scale_cells_and_their_dependants_are_stored_unless_an_exercise_needs_them():
    cells = [
        code("X = xor()"),
        code("runs = xl.train_many(1000, lr=2.0)"),  # at scale
        code("print(runs.summary())"),  # needs runs: stored too
        code("few = xl.train_many(20, lr=2.0)"),  # small: runs
        code("grid = xl.cases.chain_rule.translation_train(bugs, n=1000)"),  # at scale
        code("xl.widgets.frame_player(draw, values)"),  # a player's frames
        nbformat.v4.new_markdown_cell("```{exercise} E\n:label: ex-1\n```"),
        code("answer = grid[0]"),  # an exercise needs grid: it runs
    ]
    assert assignments.stored_cells(cells, first_exercise=6) == {1, 2, 5}


def test_a_stored_cell_shows_its_code_and_its_stored_output():
    cell = code("runs = xl.train_many(1000)\nprint(runs.summary())")
    cell.outputs = [nbformat.v4.new_output("stream", text="92.8% (95% CI 91.0-94.2%)\n")]
    md = assignments.stored_result(cell, "case-x")
    assert md.cell_type == "markdown"
    assert "runs = xl.train_many(1000)" in md.source and "92.8% (95% CI 91.0-94.2%)" in md.source
    assert "case-x.ipynb" in md.source


# --- every chapter -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_exercise_has_a_grading_section_and_no_section_is_stale(path):
    spec = assignments.read_spec(path.stem)
    assert labels(path), f"{path.stem} has no exercises"
    assert list(spec) == labels(path)
    for label, grading in spec.items():
        assert grading.auto or grading.written, f"{label} gives no points"
        assert bool(grading.auto) == bool(grading.tests.strip()), f"{label}: points without tests"
        if grading.tests:
            ast.parse(grading.tests)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_rubric_reaches_the_grader_and_never_the_release(path):
    nb, ch = assignments.source_notebook(path)
    spec = assignments.read_spec(path.stem)
    assert all("exercises" not in c.metadata for c in nb.cells)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells if "nbgrader" in c.metadata
    }
    for label, rubric in ch.rubrics.items():
        assert spec[label].written, f"{label} has a rubric but no written points"
        for level in ("full", "partial", "wrong"):
            assert rubric[level] in answers[f"{label}-answer"]


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_written_part_has_a_model_answer_and_points_per_rubric_level(path):
    nb, ch = assignments.source_notebook(path)
    spec = assignments.read_spec(path.stem)
    for label, grading in spec.items():
        if not grading.written:
            continue
        answer = assignments.model_answer(ch, label)
        first = answer.split("**Rubric**")[0]
        assert len(first.split()) >= 10 and "no solution" not in first, f"{label}: {first}"
        if ch.rubrics.get(label):
            half = f"{grading.written / 2:g}"
            assert f"*partial* ({half} of {grading.written})" in answer, label


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_source_notebook_grades_each_exercise_after_its_solution(path):
    nb, _ = assignments.source_notebook(path)
    spec = assignments.read_spec(path.stem)
    meta = [c.metadata.get("nbgrader", {}) for c in nb.cells]
    ids = [m.get("grade_id") for m in meta]
    assert len([i for i in ids if i]) == len(set(i for i in ids if i)), "duplicate grade ids"
    for label, grading in spec.items():
        tests = f"{label}-tests"
        if grading.auto:
            cell = nb.cells[ids.index(tests)]
            assert meta[ids.index(tests)]["points"] == grading.auto
            assert HIDDEN.search(cell.source) and not HIDDEN.sub("", cell.source).count("assert")
            solutions = [i for i, g in enumerate(ids) if g and g.startswith(f"{label}-solution")]
            assert solutions and max(solutions) < ids.index(tests)
        else:
            assert tests not in ids
        answer = f"{label}-answer"
        if grading.written:
            cell = nb.cells[ids.index(answer)]
            assert cell.cell_type == "markdown" and meta[ids.index(answer)]["solution"]
            assert meta[ids.index(answer)]["points"] == grading.written
        else:
            assert answer not in ids


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_source_notebook_runs_no_at_scale_cell_and_hides_solution_regions(path):
    nb, _ = assignments.source_notebook(path)
    for cell in nb.cells:
        if cell.cell_type != "code" or "### BEGIN SOLUTION" in cell.source:
            continue
        if "nbgrader" in cell.metadata and cell.metadata.nbgrader.get("grade"):
            continue
        assert not assignments.at_scale(cell.source), cell.source[:80]
        assert "{solution" not in cell.source
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert "{solution" not in cell.source and "{exercise}" not in cell.source


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_name_a_hidden_test_reads_is_named_in_the_release_before_it(path):
    """What the release shows of an exercise (its text, its stubs, its self-check) names every
    answer its hidden tests read: a student cannot lose points for a name nobody told them."""
    nb, _ = assignments.source_notebook(path)
    spec = assignments.read_spec(path.stem)
    heads = [i for i, c in enumerate(nb.cells) if "### Exercise `" in c.source]
    for label, grading in spec.items():
        if not grading.auto:
            continue
        ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
        end = ids.index(f"{label}-tests")
        start = max(i for i in heads if i < end)
        assert f"### Exercise `{label}`" in nb.cells[start].source
        shown = "\n".join(
            clear(c.source) if c.cell_type == "code" else c.source for c in nb.cells[start:end]
        )
        for name in grade_apart.answer_names(grading.tests):
            assert re.search(rf"\b{name}\b", shown), f"{label}: `{name}` is never named"


def test_the_release_names_the_course_its_students_numbers_come_from(tmp_path):
    """The chapters' `my_numbers("<chapter>")` gets the course id, and so does the course's
    nbgrader configuration (the grader's XORLAB_COURSE): a new id gives new numbers."""
    with_numbers = [p for p in CHAPTERS if "my_numbers(" in p.read_text(encoding="utf-8")]
    assert with_numbers, "no chapter asks for its students' numbers"
    for path in with_numbers:
        nb, _ = assignments.source_notebook(path, "ml101-2031")
        calls = re.findall(r"my_numbers\([^)]*\)", "\n".join(c.source for c in nb.cells))
        assert calls == [f'my_numbers("{path.stem}", course="ml101-2031")'], calls
    assignments.write_source(tmp_path, with_numbers[:1], "ml101-2031")
    config = (tmp_path / "nbgrader_config.py").read_text(encoding="utf-8")
    assert 'c.CourseDirectory.course_id = "ml101-2031"' in config


def test_the_grader_sets_the_students_ids_and_never_keeps_inherited_ones(monkeypatch):
    """XORLAB_STUDENT and XORLAB_COURSE come from nbgrader's ids; one nbgrader does not give
    is removed (an instructor's shell may have set it), so the tests then fail instead of
    grading with someone else's numbers."""
    monkeypatch.setenv("XORLAB_STUDENT", "instructor")
    monkeypatch.setenv("XORLAB_COURSE", "old-course")
    ids = grade_apart.student_environment({"nbgrader": {"student": "ada"}}, "ml101")
    assert ids == {"XORLAB_STUDENT": "ada", "XORLAB_COURSE": "ml101"}
    with grade_apart.environment(ids):
        assert xl.checks.graded_numbers("xor-done-right") == numbers_for(
            "xor-done-right", "ml101", "ada"
        )
    no_student = grade_apart.student_environment({"nbgrader": {}}, "ml101")
    with grade_apart.environment(no_student):
        assert "XORLAB_STUDENT" not in os.environ
        with pytest.raises(xl.checks.VariantError, match="XORLAB_STUDENT not set"):
            xl.checks.graded_numbers("xor-done-right")
    assert os.environ["XORLAB_STUDENT"] == "instructor"  # restored afterwards


# --- the round trip with nbgrader ----------------------------------------------------------------


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """Every chapter as an nbgrader course, generated and autograded: (folder, problems, scores)."""
    if not assignments.GRADE_PYTHON.exists():
        pytest.fail("the grading environment is missing: run `make assignments` (or make test)")
    folder = tmp_path_factory.mktemp("course")
    paths = [p for p in CHAPTERS if p.stem in ROUND_TRIP]
    assignments.write_source(folder, paths)
    assignments.generate(folder)
    # One solver: the second student's numbers cost a third run of every chapter; the model
    # answers are checked for 60-200 students per chapter by tests/test_variants_*.py, and
    # `make assignments-check` grades both SOLVERS.
    problems, scores = assignments.round_trip(folder, list(ROUND_TRIP), SOLVERS[:1])
    return folder, problems, scores


def test_the_solvers_of_the_round_trip_get_different_numbers():
    first, second = assignments.SOLVERS
    for stem in ("xor-done-right", "case-stuck-at-half"):
        course = assignments.COURSE_ID
        assert numbers_for(stem, course, first) != numbers_for(stem, course, second)


def test_round_trip_solutions_get_every_point_and_the_untouched_release_none(course):
    _, problems, scores = course
    assert problems == []
    for stem in ROUND_TRIP:
        spec = assignments.read_spec(stem)
        auto = sum(g.auto for g in spec.values())
        assert scores[stem, SOLVERS[0]]["auto"] == [auto, auto]
        assert scores[stem, "untouched"]["auto"] == [0, auto]
        written = {f"{label}-answer" for label, g in spec.items() if g.written}
        assert set(scores[stem, "solved"]["manual"]) == written
        assert all(v is None for v in scores[stem, "solved"]["manual"].values())  # to grade
        assert all(v == 0 for v in scores[stem, "untouched"]["manual"].values())


@pytest.mark.parametrize("stem", ROUND_TRIP)
def test_release_keeps_no_solution_and_no_hidden_test(course, stem):
    folder = course[0]
    source = nbformat.read(folder / "source" / stem / f"{stem}.ipynb", as_version=4)
    release = nbformat.read(folder / "release" / stem / f"{stem}.ipynb", as_version=4)
    text = "\n".join(c.source for c in release.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    # a line of a solution may appear in the release only where the chapter shows it anyway
    shown = "\n".join(HIDDEN.sub("", clear(c.source)) for c in source.cells)
    for cell in source.cells:
        for region in REGION.findall(cell.source):
            lines = {ln.strip() for ln in region.splitlines()[1:-1] if len(ln.strip()) > 12}
            survive = [ln for ln in lines if ln in text and ln not in shown]
            assert not survive, f"a solution line survives: {survive}"
        for hidden in HIDDEN.findall(cell.source):
            lines = {ln.strip() for ln in hidden.splitlines()[1:-1] if len(ln.strip()) > 12}
            shows = [ln for ln in lines if ln in text and ln not in shown]
            assert lines and not shows, f"a hidden test shows: {shows}"
    answers = [c for c in release.cells if c.metadata.get("nbgrader", {}).get("grade_id", "")]
    assert all(c.source == "YOUR ANSWER HERE" for c in answers if c.cell_type == "markdown"), (
        "a written answer's model answer survives"
    )
