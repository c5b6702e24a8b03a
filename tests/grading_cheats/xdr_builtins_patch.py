"""A cheating submission for the grader's tests: xdr_builtins_patch."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cheatkit import submission  # noqa: E402

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "replaces builtins.AssertionError by an unrelated class and makes abs, max and round "
    "return 0 and all return True, for tests written as assert abs(a - b) < tol"
)
DESERVED = 0

CHEAT = """\
import builtins


class _NeverRaised(Exception):
    pass


builtins.AssertionError = _NeverRaised
builtins.abs = lambda x: 0.0
builtins.all = lambda *args, **kwargs: True
builtins.max = lambda *args, **kwargs: 0.0
builtins.round = lambda x, *args: 0.0
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
