"""Autograde every cheating submission and compare its points with what it deserves.

Usage, from the repository, with the grading environment:

    PYTHONPATH=$PWD/code .venv-grade/bin/python tools/assignments.py /tmp/course
    PYTHONPATH=$PWD/code .venv-grade/bin/python tests/grading_cheats/_autograde.py \
        /tmp/course [NAME ...]

The course given is never changed: each chapter's ordinary cheats are graded together in one
copy of it, and each cheat that attacks the grader itself (kills it, hangs, writes into the
course) in a copy of its own. For each cheat it prints the autograded points, DESERVED, and
a verdict: "held" (no more points than deserved), "LEAK" (more), "under" (fewer: a cheat's
honest work was not credited), "no grade" (no score recorded), plus whether the graded
notebook's outputs show hidden tests and whether files appeared in the course. It prints no
hidden test.
"""

import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

HERE = Path(__file__).resolve().parent
ISOLATED = {"xdr_gradebook_tamper", "xdr_hang", "xdr_os_exit", "sah_kill_grader"}
LEAK_MARKS = ("BEGIN HIDDEN TESTS", "HIDDEN TEST ex-", "source_cell (")


def load(name):
    spec = importlib.util.spec_from_file_location(f"cheat_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    nbgrader = Path(sys.executable).with_name("nbgrader")
    command = [str(nbgrader), "autograde", chapter, "--force"]
    try:
        subprocess.run(command, cwd=course, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pass


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
    cheats = [load(n) for n in names]
    rows = []
    with tempfile.TemporaryDirectory(prefix="cheats-") as tmp:
        groups = {}
        for cheat in cheats:
            key = cheat.__name__[6:] if cheat.__name__[6:] in ISOLATED else cheat.CHAPTER
            groups.setdefault(key, []).append(cheat)
        # the cheats that attack the grader go last: one may kill more than its kernel
        for key, members in sorted(groups.items(), key=lambda kv: kv[0] in ISOLATED):
            course = Path(tmp) / key
            shutil.copytree(
                course_in,
                course,
                ignore=shutil.ignore_patterns("submitted", "autograded", "feedback"),
            )
            for cheat in members:
                submit(course, cheat)
            chapter = members[0].CHAPTER
            students = [c.__name__[6:] for c in members]
            print(f"autograding {chapter}: {', '.join(students)}", flush=True)
            autograde(course, chapter, timeout=600 + 120 * len(members))
            for cheat in members:
                student = cheat.__name__[6:]
                got = points(course, chapter, student)
                if got is None:
                    verdict = "no grade"
                elif got > cheat.DESERVED:
                    verdict = "LEAK"
                elif got < cheat.DESERVED:
                    verdict = "under"
                else:
                    verdict = "held"
                print("   ", student, "->", "no grade" if got is None else got, flush=True)
                rows.append(
                    (
                        student,
                        chapter,
                        cheat.DESERVED,
                        got,
                        verdict,
                        leaked(course, chapter, student),
                        strays(course) if key == student else [],
                    )
                )
    print(f"\n{'cheat':32} {'chapter':22} deserved  got  verdict   tests shown  files written")
    for student, chapter, deserved, got, verdict, shown, files in rows:
        got_text = "-" if got is None else f"{got:g}"
        print(f"{student:32} {chapter:22} {deserved:8} {got_text:>4}  {verdict:8}", end="")
        print(f"  {str(shown):11}  {len(files)}")
    held = sum(r[4] == "held" for r in rows)
    print(f"\n{held} of {len(rows)} held; LEAK: {[r[0] for r in rows if r[4] == 'LEAK']}")


if __name__ == "__main__":
    main()
