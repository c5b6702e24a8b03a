"""A cheating submission for the grader's tests: cnb_str_subclass."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-no-bias"
DESCRIPTION = (
    "f0_answer is a float subclass equal to everything and letters a str subclass equal "
    "to every string; exercises 4 and 5 answered honestly"
)
DESERVED = 5

LIARS = """\
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


class Same(str):
    \"\"\"A string equal to every string, whatever it is normalised with.\"\"\"

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__

    def upper(self):
        return self

    lower = strip = replace = upper

    def __contains__(self, item):
        return True


f0_answer = Close(0.25)
"""

HONEST_4 = """\
# h is near 0 or 1, and the output unit maps those to near 0 and near 1
by_hand = {"W1": 10.0, "b1": -5.0, "W2": 20.0, "b2": -10.0}
"""

HONEST_5 = """\
# h = sigmoid(10 x) is 0.5 at x = 0 and near 1 at x = 1; the output bias splits the two
minimal = {"W1": 10.0, "W2": 40.0, "b2": -30.0}
"""

ANSWERS = {1: LIARS, 3: "letters = Same('BD')\n", 4: HONEST_4, 5: HONEST_5}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
