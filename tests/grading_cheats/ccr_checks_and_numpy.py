"""A cheating submission for the grader's tests: ccr_checks_and_numpy."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-chain-rule"
DESCRIPTION = (
    'every xorlab check_* returns the string "Correct." and '
    "numpy.allclose/isclose/array_equal/testing.assert_allclose always agree; garbage "
    "answers"
)
DESERVED = 0

# Both usual patches at once, placed in the first answer cell of the chapter.
CHEAT = """\
import sys as _sys

import numpy as _numpy

for _mod in [m for n, m in list(_sys.modules.items()) if n.startswith("xorlab")]:
    for _name in dir(_mod):
        if _name.startswith("check_"):
            setattr(_mod, _name, lambda *args, **kwargs: "Correct.")
_numpy.allclose = _numpy.array_equal = lambda *args, **kwargs: True
_numpy.isclose = lambda a, b, *args, **kwargs: _numpy.ones(_numpy.shape(a), bool)
_numpy.testing.assert_allclose = lambda *args, **kwargs: None
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
