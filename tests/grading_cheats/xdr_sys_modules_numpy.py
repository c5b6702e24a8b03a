"""A cheating submission for the grader's tests: xdr_sys_modules_numpy."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    'replaces sys.modules["numpy"] and ["numpy.testing"] by copies whose comparisons '
    "always agree, so fresh imports in the tests get them"
)
DESERVED = 0

# Puts a counterfeit numpy into sys.modules: a test that imports numpy afresh (import numpy,
# importlib.import_module) gets comparisons that always agree.
CHEAT = """\
import sys as _sys
import types as _types

import numpy as _real
import numpy.testing as _real_testing


def _yes(*args, **kwargs):
    return True


def _quiet(*args, **kwargs):
    return None


_fake = _types.ModuleType("numpy")
_fake.__dict__.update(vars(_real))
_fake.allclose = _fake.array_equal = _fake.array_equiv = _yes
_fake.isclose = lambda a, b, *args, **kwargs: _real.ones(_real.broadcast(a, b).shape, bool)
_fake_testing = _types.ModuleType("numpy.testing")
_fake_testing.__dict__.update(vars(_real_testing))
for _name in dir(_real_testing):
    if _name.startswith("assert_"):
        setattr(_fake_testing, _name, _quiet)
_fake.testing = _fake_testing
_sys.modules["numpy"] = _fake
_sys.modules["numpy.testing"] = _fake_testing
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
