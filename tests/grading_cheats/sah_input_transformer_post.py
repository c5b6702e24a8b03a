"""A cheating submission for the grader's tests: sah_input_transformer_post."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cheatkit import submission  # noqa: E402

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
