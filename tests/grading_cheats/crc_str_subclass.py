"""A cheating submission for the grader's tests: crc_str_subclass."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-rising-cost"
DESCRIPTION = (
    'bce_sign and surrogate_sign are a str subclass equal to both "up" and "down"; '
    "exercise 1 (my_dL_dp) answered honestly"
)
DESERVED = 3  # its strings are "up" and "down", the right answers (grading note)

LIARS = """\
class Either(str):
    \"\"\"Both "up" and "down".\"\"\"

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__

    def lower(self):
        return self

    upper = strip = casefold = lower


bce_sign, surrogate_sign = Either("up"), Either("down")
"""

HONEST_1 = """\
def my_dL_dp(p, y):
    s = 1 / len(p) if mine["reduction"] == "mean" else 1.0
    return s * (-mine["pos_weight"] * y / p + (1 - y) / (1 - p))
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={1: HONEST_1, 2: LIARS})
