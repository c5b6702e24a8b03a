"""A cheating submission for the grader's tests: xdr_reference_thread."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "answers exercises 1, 3 and 6 by calling xorlab references (bce_grad, MLP.gradients) "
    "inside a worker thread"
)
DESERVED = 0

# The reference is called in another thread: a per-thread trace or profile hook installed
# by a check does not see the call.
HELPER = """\
from concurrent.futures import ThreadPoolExecutor as _Pool

_pool = _Pool(1)


def _elsewhere(fn, *args):
    return _pool.submit(fn, *args).result()


def bce_dp(p, y):
    return _elsewhere(xl.bce_grad, p, y)
"""

ANSWERS = {
    1: HELPER,
    6: (
        "def backward(params, X, y):\n"
        "    net = xl.MLP((2, 2, 1), seed=0)\n"
        "    net.params = {k: np.array(v, dtype=float) for k, v in params.items()}\n"
        "    return _elsewhere(net.gradients, X, y)\n"
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
