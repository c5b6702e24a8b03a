"""A cheating submission for the grader's tests: sah_excepthook_class."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "replaces showtraceback/_showtraceback on the InteractiveShell and kernel-shell "
    "classes and sys.excepthook by no-ops"
)
DESERVED = 0

# Silences tracebacks at the class level (every shell instance) and in sys.excepthook.
CHEAT = """\
import sys as _sys

from IPython.core.interactiveshell import InteractiveShell as _Shell

_Shell.showtraceback = lambda *args, **kwargs: None
_Shell._showtraceback = lambda *args, **kwargs: None
type(get_ipython())._showtraceback = lambda *args, **kwargs: None
_sys.excepthook = lambda *args: None
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
