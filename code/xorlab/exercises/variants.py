"""Each student's own numbers for the autograded exercises, so that answers differ between
students and between years.

A chapter's exercise module defines `numbers(seed) -> dict` (the data set, sizes, rates or the
planted bug its exercises use); seed 0 gives the numbers the chapter itself uses. A student's
seed is a hash of the course, the chapter and the student's id, never 0:

- in the student's notebook, `xl.checks.my_numbers(chapter, course)` reads the id from
  `XORLAB_STUDENT`, else `JUPYTERHUB_USER` (a JupyterHub sets it to the login nbgrader grades
  under); without an id (a reader at home) it gives the chapter's own numbers;
- in the grader's hidden tests, `xl.checks.graded_numbers(chapter)` reads the student and the
  course from `XORLAB_STUDENT` and `XORLAB_COURSE`, which the grader sets from nbgrader's
  student and course ids, and refuses to guess when either is missing.
"""

import hashlib
import importlib
import os

from .guard import Refused

STUDENT = "XORLAB_STUDENT"
COURSE = "XORLAB_COURSE"
HUB_USER = "JUPYTERHUB_USER"


class VariantError(Exception):
    """A student's numbers were asked for without what they are drawn from."""


def student_id() -> str:
    """The student's id from the environment, or "" when there is none."""
    return os.environ.get(STUDENT) or os.environ.get(HUB_USER) or ""


def variant_seed(chapter: str, course: str, student: str) -> int:
    """The seed of `student`'s numbers for `chapter` in `course`: 0 for no student, else a
    positive 63-bit integer that changes with each of the three."""
    if not student:
        return 0
    key = "\x1f".join((course, chapter, student)).encode()
    return 1 + int(hashlib.sha256(key).hexdigest()[:16], 16) % (2**63 - 1)


def _numbers_function(chapter: str):
    """The `numbers` function of `chapter`'s exercise module (slug "case-no-bias" ->
    exercises/no_bias.py)."""
    name = chapter.removeprefix("case-").replace("-", "_")
    try:
        module = importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError:
        raise VariantError(f"no chapter {chapter!r} has exercises") from None
    if not hasattr(module, "numbers"):
        raise VariantError(f"the exercises of {chapter!r} have no per-student numbers")
    return module.numbers


def numbers_for(chapter: str, course: str, student: str) -> dict:
    """`student`'s numbers for the exercises of `chapter` in `course` (a dict)."""
    return _numbers_function(chapter)(variant_seed(chapter, course, student))


def my_numbers(chapter: str, course: str = "") -> dict:
    """The numbers of this notebook's student (see the module's docstring), for `chapter`'s
    exercises in `course` (the release notebook names it)."""
    return numbers_for(chapter, course, student_id())


def graded_numbers(chapter: str) -> dict:
    """The numbers of the student being graded, from `XORLAB_STUDENT` and `XORLAB_COURSE`."""
    missing = [name for name in (STUDENT, COURSE) if not os.environ.get(name)]
    if missing:
        raise VariantError(
            f"{' and '.join(missing)} not set: the grader sets both from nbgrader's ids; "
            "without them the expected answers cannot be computed"
        )
    return numbers_for(chapter, os.environ[COURSE], os.environ[STUDENT])


def checked(given, numbers) -> dict:
    """The numbers a self-check uses: `given`, the dict `my_numbers` gave the student, or the
    chapter's own, `numbers(0)`, when `given` is None; anything else is refused."""
    own = numbers(0)
    if given is None:
        return own
    if not isinstance(given, dict) or set(given) != set(own):
        raise Refused("numbers must be the dict xl.checks.my_numbers gave you (or None).")
    return given
