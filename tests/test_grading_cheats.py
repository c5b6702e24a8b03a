"""Cheating submissions get what their real work deserves (the grading venv, .venv-grade).

Every module in tests/grading_cheats/ (but the helpers, whose names start with "_") is one
cheat: `CHAPTER`, `DESCRIPTION`, `DESERVED` (the autograded points its honest work earns) and
`make(release_nb)`, the submission built from the released notebook. The cheats are
autograded together by nbgrader in one temporary course, one student per cheat, with the
course's own configuration (tools/nbgrader/nbgrader_config.py and grade_apart.py), and each
must get exactly DESERVED points. Then the feedback they get shows no hidden test.
"""

import importlib
import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from tools import assignments, toc

ROOT = Path(__file__).resolve().parents[1]
CHEATS = ROOT / "tests" / "grading_cheats"

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)


MODULES = {
    p.stem: importlib.import_module(f"tests.grading_cheats.{p.stem}")
    for p in sorted(CHEATS.glob("*.py"))
    if not p.stem.startswith("_")
}
CHAPTERS = sorted({m.CHAPTER for m in MODULES.values()})


def test_every_cheat_is_well_formed():
    assert MODULES, "no cheat in tests/grading_cheats/"
    stems = {p.stem for p in toc.chapters()}
    for name, cheat in MODULES.items():
        assert cheat.CHAPTER in stems, f"{name}: no chapter {cheat.CHAPTER}"
        assert isinstance(cheat.DESERVED, int) and cheat.DESERVED >= 0, name
        assert cheat.DESCRIPTION.strip() and callable(cheat.make), name


SNOOP_CHAPTER = "xor-done-right"
SNOOP = """\
def bce_dp(p, y):
    s = 1 / len(p) if mine["reduction"] == "mean" else 1.0
    return s * (-mine["pos_weight"] * y / p + (1 - y) / (1 - p))


for path in {paths}:
    try:
        print("read", np.fromfile(path, dtype=np.uint8).size, "bytes of", path)
    except OSError as e:
        print("cannot read", path, type(e).__name__)
try:
    np.save({stolen!r}, np.zeros(3))
    print("wrote into the course")
except OSError as e:
    print("cannot write", type(e).__name__)
"""


def snooping(course):
    """A submission that answers exercise 1 and tries to read the gradebook, the source
    notebook and another's submission, and to write into the course (numpy's own file
    functions pass the scan: only the sandbox stops them)."""
    chapter = SNOOP_CHAPTER
    nb = nbformat.read(course / "release" / chapter / f"{chapter}.ipynb", as_version=4)
    paths = [
        str(course / "gradebook.db"),
        str(course / "source" / chapter / f"{chapter}.ipynb"),
        "../../../gradebook.db",
        "gradebook.db",
    ]
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == f"ex-{chapter}-1-solution-1":
            cell.source = SNOOP.format(paths=paths, stolen=str(course / "stolen.npy"))
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with every cheat's chapter, every cheat submitted and all autograded in one
    run: (course folder, scores as assignments.scores gives them)."""
    if not assignments.GRADE_PYTHON.exists():
        pytest.fail("the grading environment is missing: run `make assignments` (or make test)")
    course = tmp_path_factory.mktemp("cheats")
    assignments.write_source(course, [p for p in toc.chapters() if p.stem in CHAPTERS])
    assignments.generate(course)
    for name, cheat in MODULES.items():
        release = course / "release" / cheat.CHAPTER / f"{cheat.CHAPTER}.ipynb"
        nb = cheat.make(nbformat.read(release, as_version=4))
        folder = course / "submitted" / name / cheat.CHAPTER
        folder.mkdir(parents=True)
        # as the student's file would be: json, not nbformat.write, which repairs duplicate ids
        (folder / f"{cheat.CHAPTER}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    snoop = course / "submitted" / "snoop" / SNOOP_CHAPTER
    snoop.mkdir(parents=True)
    nbformat.write(snooping(course), snoop / f"{SNOOP_CHAPTER}.ipynb")
    # one nbgrader run for every chapter (each run costs a start and a gradebook check); its
    # exit status is not read: a cheat may make it fail, and each test reads its own grade
    subprocess.run(
        [str(assignments.GRADE_PYTHON), "-m", "nbgrader", "autograde", "*", "--force"],
        cwd=course,
        capture_output=True,
        env=assignments._grade_env(),
        timeout=3600,
    )
    return course, assignments.scores(course)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_cheat_gets_what_its_real_work_deserves(graded, name):
    cheat = MODULES[name]
    _, scores = graded
    assert (cheat.CHAPTER, name) in scores, f"{name} ({cheat.DESCRIPTION}) got no grade at all"
    got = scores[cheat.CHAPTER, name]["auto"][0]
    assert got == cheat.DESERVED, f"{name} ({cheat.DESCRIPTION}): {got} points"


def test_a_submission_cannot_read_or_write_the_course(graded):
    course, scores = graded
    assert scores[SNOOP_CHAPTER, "snoop"]["auto"][0] == 1  # its honest answer counts
    nb = nbformat.read(
        course / "autograded" / "snoop" / SNOOP_CHAPTER / f"{SNOOP_CHAPTER}.ipynb", as_version=4
    )
    printed = "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )
    assert printed.count("cannot read") == 4 and "cannot write" in printed, printed
    assert "bytes of" not in printed and not (course / "stolen.npy").exists()


def test_feedback_shows_no_hidden_test(graded):
    course, _ = graded
    run = subprocess.run(
        [str(assignments.GRADE_PYTHON), "-m", "nbgrader", "generate_feedback", "*", "--force"],
        cwd=course,
        capture_output=True,
        text=True,
        env=assignments._grade_env(),
    )
    assert run.returncode == 0, run.stderr[-2000:]
    lines = set()
    for chapter in CHAPTERS:
        source = nbformat.read(course / "source" / chapter / f"{chapter}.ipynb", as_version=4)
        for cell in source.cells:
            for block in HIDDEN.findall(cell.source):
                lines |= {ln.strip() for ln in block.splitlines() if len(ln.strip()) > 20}
    assert lines
    pages = list((course / "feedback").rglob("*.html"))
    graded_students = {d.name for d in (course / "autograded").iterdir()}
    assert {p.parent.parent.name for p in pages} == graded_students and "snoop" in graded_students
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "BEGIN HIDDEN TESTS" not in text, path
        shown = [ln for ln in lines if ln in text]
        assert not shown, f"{path.relative_to(course)} shows hidden tests: {shown[:2]}"
