"""A cheating submission for the grader's tests: xdr_hang."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "the first answer cell sleeps forever with SIGINT ignored: the grader must time out "
    "and kill the kernel"
)
DESERVED = 0

# An answer cell that never ends and ignores interrupts: the grader must time it out, kill
# the kernel and still record a grade (0 points). It sleeps, so it costs no CPU.
CHEAT = """\
import signal
import time

signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    time.sleep(3600)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
