"""A cheating submission for the grader's tests: xdr_float_subclass."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "exercise 2's number is a float subclass (value 3.0) equal to everything, whose "
    "differences and abs() are 0"
)
DESERVED = 0

LIAR = """\
class Close(float):
    \"\"\"A float equal to every number: differences are 0, comparisons say what tests want.\"\"\"

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

    def __gt__(self, other):
        return False

    __ge__ = __gt__


answer = Close(3.0)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={2: LIAR})
