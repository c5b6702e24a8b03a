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
# the hidden unit's input is -5 at one input and +5 at the other; the output maps h to t
(xa, xb), (ta, tb) = task["inputs"], task["targets"]
sign = 1.0 if tb > ta else -1.0
w1 = 10 / (xb - xa)
by_hand = {"W1": w1, "b1": -w1 * (xa + xb) / 2, "W2": 20 * sign, "b2": -10 * sign}
"""

HONEST_5 = """\
# no hidden bias: a small w1 keeps h apart at the two inputs; the output bias splits them
(xa, xb), (ta, tb) = task["inputs"], task["targets"]
sign = 1.0 if tb > ta else -1.0
w1 = 2 * np.sign(xb - xa) / max(abs(xa), abs(xb))
ha, hb = 1 / (1 + np.exp(-w1 * xa)), 1 / (1 + np.exp(-w1 * xb))
w2 = 10 * sign / (hb - ha)
minimal = {"W1": w1, "W2": w2, "b2": -5 * sign - w2 * ha}
"""

ANSWERS = {1: LIARS, 3: "letters = Same('BD')\n", 4: HONEST_4, 5: HONEST_5}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
