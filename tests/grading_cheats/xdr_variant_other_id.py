"""A cheating submission for the grader's tests: xdr_variant_other_id."""

from tests.grading_cheats._cheatkit import submission
from tests.grading_cheats._variant_answers import FROM_MINE, HONEST_4

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "sets XORLAB_STUDENT to a friend's id in the kernel (through xorlab's own `os`, since the "
    "scan refuses `import os`) and answers exercises 1, 2 and 6 for the friend's numbers, "
    "copied work that is right for the friend only; exercise 4 (XOR by hand) "
    "for the friend too, so nothing earns a point"
)
DESERVED = 0

CHEAT = """\
xl.exercises.variants.os.environ["XORLAB_STUDENT"] = "friend"
mine = xl.checks.my_numbers("xor-done-right", course="why-wont-it-learn")
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={**FROM_MINE, 4: HONEST_4}, first=CHEAT)
