"""A cheating submission for the grader's tests: fg_doctor_patch."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "field-guide"
DESCRIPTION = (
    "replaces xorlab.doctor.report by a stub that finds everything healthy and every check_* by "
    "Correct.; answer is a float subclass equal to everything"
)
DESERVED = 0

# The field guide's exercises are judged with the doctor: this replaces xorlab.doctor.report (and
# the checks) so that every case looks like what the exercise wants.
CHEAT = """\
import sys as _sys

import xorlab as _lab

for _mod in [m for n, m in list(_sys.modules.items()) if n.startswith("xorlab")]:
    for _name in dir(_mod):
        if _name.startswith("check_"):
            setattr(_mod, _name, lambda *a, **k: _lab.checks.Feedback(True, "Correct."))


class _Healthy:
    healthy = True
    findings = []

    def __getattr__(self, name):
        return None


_lab.doctor = lambda *args, **kwargs: _Healthy()


class Close(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__

    def __sub__(self, other):
        return Close(0.0)

    __rsub__ = __sub__


answer = Close(1.0)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={1: CHEAT})
