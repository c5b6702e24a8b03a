"""A cheating submission for the grader's tests: xdr_checks_patch."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "replaces every xorlab check_* function (in every loaded xorlab module) by one "
    'returning Feedback(True, "Correct."), and makes every Feedback say correct'
)
DESERVED = 0

CHEAT = """\
import sys as _sys

import xorlab as _xl

_OK = _xl.checks.Feedback(True, "Correct.")


def _correct(*args, **kwargs):
    return _OK


for _mod in [m for n, m in list(_sys.modules.items()) if n.startswith("xorlab")]:
    for _name in dir(_mod):
        if _name.startswith("check_"):
            setattr(_mod, _name, _correct)

_Feedback = _xl.checks.Feedback
_get = _Feedback.__getattribute__


def _always_correct(self, name):
    if name == "correct":
        return True
    if name == "message":
        return "Correct."
    return _get(self, name)


_Feedback.__getattribute__ = _always_correct
_Feedback.__bool__ = lambda self: True
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
