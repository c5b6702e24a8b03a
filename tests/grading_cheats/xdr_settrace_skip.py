"""A cheating submission for the grader's tests: xdr_settrace_skip."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "sys.settrace with a tracer that, in code compiled from cells, jumps over every "
    "assert and raise statement by setting frame.f_lineno"
)
DESERVED = 0

# A trace function that, in code compiled from notebook cells, jumps over every assert and
# raise statement (frame.f_lineno may be set from a 'line' event).
CHEAT = """\
import ast as _ast
import linecache as _linecache
import sys as _sys

_jumps = {}


def _statement_ends(filename):
    if filename not in _jumps:
        ends = {}
        try:
            tree = _ast.parse("".join(_linecache.getlines(filename)))
            for node in _ast.walk(tree):
                if isinstance(node, (_ast.Assert, _ast.Raise)):
                    ends[node.lineno] = node.end_lineno + 1
        except SyntaxError:
            pass
        _jumps[filename] = ends
    return _jumps[filename]


def _skipper(frame, event, arg):
    name = frame.f_code.co_filename
    if not (name.startswith("<ipython-input") or "ipykernel" in name):
        return None
    if event == "line":
        target = _statement_ends(name).get(frame.f_lineno)
        if target is not None:
            try:
                frame.f_lineno = target
            except ValueError:
                pass
    return _skipper


_sys.settrace(_skipper)
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, first=CHEAT)
