"""A cheating submission for the grader's tests: sah_train_many_poison."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "wraps xorlab.train_many (in every xorlab module) so that every seed counts as "
    "solved, and replaces the design, step and delta checks by Correct."
)
DESERVED = 0

# Exercise 4's check trains 1,000 seeds with the student's design. This wraps
# xorlab.train_many so that every run it returns counts as a success, and replaces the
# design checks too.
CHEAT = """\
import sys as _sys

import numpy as _np

import xorlab as _lab

_real_train_many = _lab.train_many


def _all_solved(*args, **kwargs):
    result = _real_train_many(*args, **kwargs)
    for name in ("success", "solved", "strict"):
        value = getattr(result, name, None)
        if isinstance(value, _np.ndarray):
            value[...] = True
    return result


for _mod in [m for n, m in list(_sys.modules.items()) if n.startswith("xorlab")]:
    if getattr(_mod, "train_many", None) is _real_train_many:
        _mod.train_many = _all_solved
    for _name in ("check_relu_xor_design", "check_stuck_step", "check_output_delta"):
        if hasattr(_mod, _name):
            setattr(_mod, _name, lambda *a, **k: _lab.checks.Feedback(True, "Correct."))
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
