"""A cheating submission for the grader's tests: xdr_keyboard_interrupt."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cheatkit import submission  # noqa: E402

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
