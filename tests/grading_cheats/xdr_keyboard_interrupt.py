"""A cheating submission for the grader's tests: xdr_keyboard_interrupt."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "raises KeyboardInterrupt in the first and the last answer cell, as if the grader had"
    " interrupted the kernel"
)
DESERVED = 0

CHEAT = """\
raise KeyboardInterrupt
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT, last=CHEAT)
