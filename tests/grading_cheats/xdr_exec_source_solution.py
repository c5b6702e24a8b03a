"""A cheating submission for the grader's tests: xdr_exec_source_solution."""

from tests.grading_cheats._cheatkit import grade_id, is_answer, submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "walks up from the working directory to source/<chapter>/<chapter>.ipynb and exec()s "
    "the instructor's solution cells as its answers (garbage when not found)"
)
DESERVED = 0

# Finds the instructor's notebook (source/<chapter>/<chapter>.ipynb) from inside the kernel
# and runs its solution cells in place of the answers.
STEAL = """\
import json as _json
import os as _os


def _find_source(chapter):
    here = _os.path.abspath(_os.getcwd())
    for _ in range(6):
        candidate = _os.path.join(here, "source", chapter, chapter + ".ipynb")
        if _os.path.exists(candidate):
            return candidate
        here = _os.path.dirname(here)
    return None


def _steal(grade_id, fallback):
    path = _find_source("xor-done-right")
    if path is None:
        exec(fallback, globals())
        return
    with open(path) as f:
        cells = _json.load(f)["cells"]
    for cell in cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            code = "".join(cell["source"])
            code = code.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", "")
            exec(code, globals())
            return
    exec(fallback, globals())
"""


def make(release_nb):
    nb = submission(release_nb, CHAPTER)
    first = True
    for cell in nb.cells:
        if is_answer(cell):
            call = f"_steal({grade_id(cell)!r}, {cell.source!r})\n"
            cell.source = (STEAL + "\n\n" + call) if first else call
            first = False
    return nb
