"""A cheating submission for the grader's tests: xdr_global_rebind."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "rebinds the notebook's globals np (allclose always True), xl (checks always say "
    "Correct.), X and y (zeros)"
)
DESERVED = 0

# Rebinds the notebook's own names: np, xl, X and y. The README says a student's
# overwritten X or np cannot change a grade; this checks it.
CHEAT = """\
import types as _types

import numpy as _np

np = _types.SimpleNamespace(**{k: getattr(_np, k) for k in dir(_np) if not k.startswith("__")})
np.allclose = lambda *args, **kwargs: True
np.isclose = lambda a, b, *args, **kwargs: _np.ones(_np.shape(a), bool)


class _Checks:
    def __getattr__(self, name):
        return lambda *args, **kwargs: "Correct."


class _Lab:
    checks = _Checks()

    def __getattr__(self, name):
        import xorlab

        return getattr(xorlab, name)


xl = _Lab()
X = _np.zeros((4, 2))
y = _np.zeros((4, 1))
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
