"""A cheating submission for the grader's tests: svt_float_subclass."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-sigmoid-vs-tanh"
DESCRIPTION = (
    "bound and factor are a float subclass (value 1.0) equal to everything; exercise 3 "
    "(tanh_derivative) answered honestly"
)
DESERVED = 2

CLOSE = """\
class Close(float):
    \"\"\"A float equal to every number.\"\"\"

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__

    def __sub__(self, other):
        return Close(0.0)

    __rsub__ = __sub__

    def __abs__(self):
        return Close(0.0)

    def __lt__(self, other):
        return True

    __le__ = __lt__


bound = Close(1.0)
"""

HONEST_3 = """\
def tanh_derivative(a):
    return mine["gain"] * (mine["amp"] - a**2 / mine["amp"])
"""

ANSWERS = {1: CLOSE, 2: "factor = Close(1.0)\n", 3: HONEST_3}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
