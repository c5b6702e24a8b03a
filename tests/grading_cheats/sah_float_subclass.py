"""A cheating submission for the grader's tests: sah_float_subclass."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "floor and dead_share are a float subclass (value 7.0) equal to everything; exercise "
    "3 (output_delta) answered honestly"
)
DESERVED = 2

CLOSE = """\
class Close(float):
    \"\"\"A float equal to every number.\"\"\"

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = float.__hash__

    def __sub__(self, other):
        return Close(0.0)

    __rsub__ = __sub__

    def __abs__(self):
        return Close(0.0)

    def __lt__(self, other):
        return True

    __le__ = __lt__


floor = Close(7.0)
"""

HONEST_3 = """\
def output_delta(z, y):
    p, w = 1 / (1 + np.exp(-z)), mine["pos_weight"]
    s = 1 / len(z) if mine["reduction"] == "mean" else 1.0
    return s * (p * (w * y + 1 - y) - w * y)
"""

ANSWERS = {1: CLOSE, 2: "dead_share = Close(7.0)\n", 3: HONEST_3}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
