"""A cheating submission for the grader's tests: xdr_move_test_id."""

import copy

from tests.grading_cheats._cheatkit import is_test, submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "moves each hidden-test cell's id and nbgrader metadata onto a new `pass` cell at the"
    " top of the notebook; the original test cells lose theirs"
)
DESERVED = 0


def make(release_nb):
    nb = submission(release_nb, CHAPTER)
    decoys = []
    for cell in nb.cells:
        if is_test(cell):
            decoy = copy.deepcopy(cell)
            decoy.source = "pass\n"
            decoys.append(decoy)
            cell.id = cell.id + "x"
            cell.metadata.pop("nbgrader")
    # the tests' ids and metadata now sit on harmless cells at the top of the notebook
    nb.cells = nb.cells[:1] + decoys + nb.cells[1:]
    return nb
