"""A cheating submission for the grader's tests: xdr_os_exit."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "os._exit(0) at the top of the first answer cell: the kernel dies without an exception"
)
DESERVED = 0

CHEAT = """\
import os

os._exit(0)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
