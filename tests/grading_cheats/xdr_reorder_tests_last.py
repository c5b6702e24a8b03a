"""A cheating submission for the grader's tests: xdr_reorder_tests_last."""

from tests.grading_cheats._cheatkit import is_test, submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "moves every hidden-test cell to the end of the notebook, after the last answer cell,"
    " which patches xorlab.exercises and numpy.allclose"
)
DESERVED = 0

# The last answer cell replaces xorlab's checks and numpy's comparisons; the hidden-test
# cells are moved after it, so that the patch is in place when every test runs.
CHEAT = """\
import numpy

import xorlab


def _correct(*args, **kwargs):
    return xorlab.exercises.Feedback(True, "Correct.")


for _name in dir(xorlab.exercises):
    if _name.startswith("check_"):
        setattr(xorlab.exercises, _name, _correct)
numpy.allclose = lambda *args, **kwargs: True
"""


def make(release_nb):
    nb = submission(release_nb, CHAPTER, last=CHEAT)
    tests = [cell for cell in nb.cells if is_test(cell)]
    nb.cells = [cell for cell in nb.cells if not is_test(cell)] + tests
    return nb
