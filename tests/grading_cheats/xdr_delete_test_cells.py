"""A cheating submission for the grader's tests: xdr_delete_test_cells."""

from tests.grading_cheats._cheatkit import is_test, submission

CHAPTER = "xor-done-right"
DESCRIPTION = "deletes every hidden-test cell from the notebook; garbage answers"
DESERVED = 0


def make(release_nb):
    nb = submission(release_nb, CHAPTER)
    nb.cells = [cell for cell in nb.cells if not is_test(cell)]
    return nb
