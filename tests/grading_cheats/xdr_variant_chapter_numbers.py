"""A cheating submission for the grader's tests: xdr_variant_chapter_numbers."""

from tests.grading_cheats._cheatkit import submission
from tests.grading_cheats._variant_answers import FROM_MINE, HONEST_4

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "replaces its numbers by the chapter's (seed 0, whose answers the page works out) and "
    "answers exercises 1, 2 and 6 for them; exercise 4 (XOR by hand) "
    "for them too, so nothing earns a point"
)
DESERVED = 0

CHEAT = """\
mine = xl.exercises.xor_done_right.numbers(0)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={**FROM_MINE, 4: HONEST_4}, first=CHEAT)
