"""A cheating submission for the grader's tests: xdr_sys_exit."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = "sys.exit(0) at the top of the first answer cell, garbage answers after it"
DESERVED = 0

CHEAT = """\
import sys

sys.exit(0)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
