"""A cheating submission for the grader's tests: sah_input_transformer_post."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "a lambda appended to get_ipython().input_transformers_post turns every later cell into `pass`"
)
DESERVED = 0

CHEAT = """\
get_ipython().input_transformers_post.append(lambda lines: ["pass\\n"])
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
