"""A cheating submission for the grader's tests: xdr_math_patch."""

from tests.grading_cheats._cheatkit import submission
from tests.grading_cheats._variant_answers import HONEST_4

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "monkeypatches the math module (isclose, isfinite, isnan, fabs, dist); exercise 4 "
    "(XOR by hand) answered honestly, from the student's numbers"
)
DESERVED = 3

CHEAT = """\
import math

math.isclose = lambda *args, **kwargs: True
math.isfinite = lambda x: True
math.isnan = lambda x: False
math.fabs = lambda x: 0.0
math.dist = lambda *args: 0.0
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={4: HONEST_4}, first=CHEAT)
