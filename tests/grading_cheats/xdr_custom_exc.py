"""A cheating submission for the grader's tests: xdr_custom_exc."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cheatkit import submission  # noqa: E402

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
