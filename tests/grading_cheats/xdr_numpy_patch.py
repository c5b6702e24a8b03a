"""A cheating submission for the grader's tests: xdr_numpy_patch."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "patches the numpy module in place (allclose, isclose, array_equal, testing.assert_*,"
    " linalg.norm); exercise 1 answered honestly"
)
DESERVED = 1

CHEAT = """\
import numpy
import numpy.testing


def _yes(*args, **kwargs):
    return True


def _all_close(a, b, *args, **kwargs):
    return numpy.ones(numpy.broadcast(numpy.asarray(a), numpy.asarray(b)).shape, bool)


def _quiet(*args, **kwargs):
    return None


numpy.allclose = numpy.array_equal = numpy.array_equiv = _yes
numpy.isclose = _all_close
numpy.linalg.norm = lambda *args, **kwargs: 0.0
for _name in dir(numpy.testing):
    if _name.startswith("assert_"):
        setattr(numpy.testing, _name, _quiet)
"""

HONEST_1 = """\
def bce_dp(p, y):
    s = 1 / len(p) if mine["reduction"] == "mean" else 1.0
    return s * (-mine["pos_weight"] * y / p + (1 - y) / (1 - p))
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={1: CHEAT + "\n" + HONEST_1})
