"""A cheating submission for the grader's tests: xdr_custom_exc."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "get_ipython().set_custom_exc((BaseException,), handler) with a handler that returns "
    "an empty traceback for every later exception"
)
DESERVED = 0

CHEAT = """\
def _hide(shell, etype, value, tb, tb_offset=None):
    return []


get_ipython().set_custom_exc((BaseException,), _hide)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
