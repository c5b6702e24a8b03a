"""A cheating submission for the grader's tests: xdr_input_transformer."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "an IPython input transformer registered in the first answer cell turns every later "
    "cell, hidden tests included, into `pass`"
)
DESERVED = 0

CHEAT = """\
def _all_pass(lines):
    return ["pass\\n"]


get_ipython().input_transformers_cleaned.append(_all_pass)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
