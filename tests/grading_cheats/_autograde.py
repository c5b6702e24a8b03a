"""Autograde every cheating submission and compare its points with what it deserves.

Usage, from the repository, with the grading environment:

    PYTHONPATH=$PWD/code .venv-grade/bin/python -m tools.assignments /tmp/course
    PYTHONPATH=$PWD/code .venv-grade/bin/python -m tests.grading_cheats._autograde \
        /tmp/course [NAME ...]

The course given is never changed: each cheat is graded alone, in a fresh copy of it (one
cheat can stop a whole batch), the ones that attack the grader itself (kill it, hang, write
into the course) last. For each cheat it prints the autograded points, DESERVED, and
a verdict: "held" (no more points than deserved), "LEAK" (more), "under" (fewer: a cheat's
honest work was not credited), "no grade" (no score recorded), plus whether the graded
notebook's outputs show hidden tests and whether files appeared in the course. It prints no
hidden test.
"""

import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

HERE = Path(__file__).resolve().parent
ATTACKS = {"xdr_gradebook_tamper", "xdr_hang", "xdr_os_exit", "sah_kill_grader"}
LEAK_MARKS = ("BEGIN HIDDEN TESTS", "HIDDEN TEST ex-", "source_cell (")


def load(name):
    return importlib.import_module(f"tests.grading_cheats.{name}")


def all_cheats():
    return sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_"))


def submit(course, cheat):
    release = course / "release" / cheat.CHAPTER / f"{cheat.CHAPTER}.ipynb"
    nb = cheat.make(nbformat.read(release, as_version=4))
    target = course / "submitted" / cheat.__name__[6:] / cheat.CHAPTER
    target.mkdir(parents=True, exist_ok=True)
    # json, not nbformat.write: nbformat's validation would repair duplicate cell ids
    (target / f"{cheat.CHAPTER}.ipynb").write_text(json.dumps(nb, indent=1))


def autograde(course, chapter, timeout):
    """Run nbgrader autograde in `course`; its log goes to course/autograde.log."""
    nbgrader = Path(sys.executable).with_name("nbgrader")
    command = [str(nbgrader), "autograde", chapter, "--force"]
    with open(course / "autograde.log", "w") as log:
        try:
            subprocess.run(command, cwd=course, stdout=log, stderr=log, timeout=timeout)
        except subprocess.TimeoutExpired:
            log.write(f"\n_autograde.py: nbgrader still running after {timeout} s, stopped\n")


def log_errors(course):
    """The log's error lines, for a submission that got no grade."""
    lines = (course / "autograde.log").read_text(errors="replace").splitlines()
    return [line for line in lines if "ERROR" in line or "Error" in line][-3:]


def points(course, chapter, student):
    """Autograded points (code grade cells) of one submission, or None."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            sub = gb.find_submission_notebook(chapter, chapter, student)
        except MissingEntry:
            return None
        return sum(g.score or 0 for g in sub.grades if g.cell_type == "code")


def leaked(course, chapter, student):
    graded = course / "autograded" / student / chapter / f"{chapter}.ipynb"
    if not graded.exists():
        return False
    nb = nbformat.read(graded, as_version=4)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or (meta.get("grade") and not meta.get("solution")):
            continue  # the test cells themselves hold the tests after grading
        for out in cell.get("outputs", []):
            text = out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
            if any(mark in text for mark in LEAK_MARKS):
                return True
    return False


def strays(course):
    return sorted(str(p.relative_to(course)) for p in course.rglob("CHEAT_WAS_HERE.txt"))


def main():
    course_in = Path(sys.argv[1]).resolve()
    names = sys.argv[2:] or all_cheats()
    # the cheats that attack the grader itself go last
    cheats = sorted((load(n) for n in names), key=lambda c: c.__name__[6:] in ATTACKS)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cheats-") as tmp:
        for cheat in cheats:
            student, chapter = cheat.__name__[6:], cheat.CHAPTER
            course = Path(tmp) / student  # a fresh copy of the course for each cheat
            ignore = shutil.ignore_patterns("submitted", "autograded", "feedback")
            shutil.copytree(course_in, course, ignore=ignore)
            submit(course, cheat)
            autograde(course, chapter, timeout=900)
            got = points(course, chapter, student)
            if got is None:
                verdict = "no grade"
            elif got > cheat.DESERVED:
                verdict = "LEAK"
            elif got < cheat.DESERVED:
                verdict = "under"
            else:
                verdict = "held"
            print(f"{student}: {verdict} ({got} points, deserves {cheat.DESERVED})", flush=True)
            if got is None:
                for line in log_errors(course):
                    print("    " + line[:160], flush=True)
            files = strays(course)
            rows.append(
                (
                    student,
                    chapter,
                    cheat.DESERVED,
                    got,
                    verdict,
                    leaked(course, chapter, student),
                    files,
                )
            )
            shutil.rmtree(course)
    print(f"\n{'cheat':32} {'chapter':22} deserved  got  verdict   tests shown  files written")
    for student, chapter, deserved, got, verdict, shown, files in rows:
        got_text = "-" if got is None else f"{got:g}"
        print(f"{student:32} {chapter:22} {deserved:8} {got_text:>4}  {verdict:8}", end="")
        print(f"  {str(shown):11}  {len(files)}")
    held = sum(r[4] == "held" for r in rows)
    print(f"\n{held} of {len(rows)} held; LEAK: {[r[0] for r in rows if r[4] == 'LEAK']}")


if __name__ == "__main__":
    main()
