"""A cheating submission for the grader's tests: xdr_test_cells_disguised."""

from tests.grading_cheats._cheatkit import is_test, submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "turns every hidden-test cell into an unlocked, ungraded markdown cell worth 0 points"
    " (same ids)"
)
DESERVED = 0


def make(release_nb):
    nb = submission(release_nb, CHAPTER)
    for cell in nb.cells:
        if is_test(cell):
            cell.metadata.nbgrader.update(grade=False, locked=False, points=0)
            cell.cell_type = "markdown"
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    return nb
