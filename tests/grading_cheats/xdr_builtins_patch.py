"""A cheating submission for the grader's tests: xdr_builtins_patch."""

from tests.grading_cheats._cheatkit import submission

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
