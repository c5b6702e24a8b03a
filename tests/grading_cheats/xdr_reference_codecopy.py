"""A cheating submission for the grader's tests: xdr_reference_codecopy."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "answers exercises 1, 3 and 6 with clones of xorlab reference functions (their code "
    "objects renamed and rewrapped with types.FunctionType)"
)
DESERVED = 0

# The reference's code object is copied into a new function with another name and other
# globals, so that a check looking for the reference function object or its name does not
# see it being called.
HELPER = """\
import types as _types


def _clone(fn, name):
    code = fn.__code__.replace(co_name=name, co_qualname=name)
    return _types.FunctionType(code, dict(fn.__globals__), name, fn.__defaults__)


_bce_grad = _clone(xl.core.losses.bce_grad, "derivative")
_grads = _clone(xl.MLP.gradients, "derivatives")


def bce_dp(p, y):
    return _bce_grad(p, y)
"""

ANSWERS = {
    1: HELPER,
    6: (
        "def backward(params, X, y):\n"
        "    net = xl.MLP((2, 2, 1), seed=0)\n"
        "    net.params = {k: np.array(v, dtype=float) for k, v in params.items()}\n"
        "    return _grads(net, X, y)\n"
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
