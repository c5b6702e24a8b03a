"""A cheating submission for the grader's tests: sah_kill_grader."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "os.kill(os.getppid(), SIGKILL) in the first answer cell: kills the process that "
    "started the kernel"
)
DESERVED = 0

# Kills the kernel's parent process (the grader, or whatever launched the kernel). Run it
# only where that parent is a throwaway process.
CHEAT = """\
import os
import signal

os.kill(os.getppid(), signal.SIGKILL)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
