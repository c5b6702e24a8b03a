"""A cheating submission for the grader's tests: xdr_duplicate_id."""

import copy

from tests.grading_cheats._cheatkit import is_test, submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "puts before each hidden-test cell a twin with the same cell id and grade_id whose "
    "source is `pass` (save it with json.dump: nbformat.write repairs duplicate ids)"
)
DESERVED = 0


def make(release_nb):
    nb = submission(release_nb, CHAPTER)
    cells = []
    for cell in nb.cells:
        if is_test(cell):
            twin = copy.deepcopy(cell)
            twin.source = "pass\n"
            cells.append(twin)  # same id, same grade_id, placed first
        cells.append(cell)
    nb.cells = cells
    return nb
