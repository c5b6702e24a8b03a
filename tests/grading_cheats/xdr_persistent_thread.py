"""A cheating submission for the grader's tests: xdr_persistent_thread."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "a daemon thread re-patches numpy.allclose, numpy.testing.assert_* and "
    "xorlab.exercises.check_* every millisecond, defeating reloads"
)
DESERVED = 0

# A daemon thread re-applies the patches every millisecond, so that a test which restores
# numpy or xorlab (reload, fresh import) is patched again before it compares.
CHEAT = """\
import sys as _sys
import threading as _threading
import time as _time


def _yes(*args, **kwargs):
    return True


def _quiet(*args, **kwargs):
    return None


def _repatch():
    while True:
        for _name in ("numpy", "numpy.testing"):
            _mod = _sys.modules.get(_name)
            if _mod is None:
                continue
            for _attr in ("allclose", "array_equal"):
                if hasattr(_mod, _attr):
                    setattr(_mod, _attr, _yes)
            for _attr in ("assert_allclose", "assert_array_almost_equal", "assert_equal"):
                if hasattr(_mod, _attr):
                    setattr(_mod, _attr, _quiet)
        _checks = _sys.modules.get("xorlab.exercises")
        if _checks is not None:
            for _attr in dir(_checks):
                if _attr.startswith("check_"):
                    setattr(_checks, _attr, lambda *a, **k: _checks.Feedback(True, "Correct."))
        _time.sleep(0.001)


_threading.Thread(target=_repatch, daemon=True).start()
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
