"""A cheating submission for the grader's tests: xdr_traceback_silencer."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "silences the kernel: showtraceback/_showtraceback do nothing, so a failing hidden "
    "test leaves no error output in the notebook"
)
DESERVED = 0

CHEAT = """\
_shell = get_ipython()
_shell._showtraceback = lambda *args, **kwargs: None
_shell.showtraceback = lambda *args, **kwargs: None
_shell.showsyntaxerror = lambda *args, **kwargs: None
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
