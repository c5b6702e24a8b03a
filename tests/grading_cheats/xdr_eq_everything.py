"""A cheating submission for the grader's tests: xdr_eq_everything."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "returns objects whose __eq__ is always True, whose differences are themselves and "
    "whose abs() is 0 (answers of exercises 1, 2, 3, 4, 6)"
)
DESERVED = 0

LIAR = """\
class Anything:
    \"\"\"Equal to everything, close to everything, truthy, and its own every attribute.\"\"\"

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __lt__(self, other):
        return True

    __le__ = __lt__
    __gt__ = __ne__
    __ge__ = __eq__
    __hash__ = object.__hash__

    def __abs__(self):
        return 0.0

    def __sub__(self, other):
        return self

    __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __sub__
    __neg__ = __pos__ = __abs__

    def __bool__(self):
        return True

    def __float__(self):
        return 0.5

    def __getattr__(self, name):
        return self

    def __call__(self, *args, **kwargs):
        return self

    def __getitem__(self, key):
        return self

    def __iter__(self):
        return iter(())


def bce_dp(p, y):
    return Anything()
"""

ANSWERS = {
    1: LIAR,
    2: "answer = Anything()\n",
    4: "hand = {k: Anything() for k in ('W1', 'b1', 'W2', 'b2')}\n",
    6: "def backward(params, X, y):\n    return {k: Anything() for k in params}\n",
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
