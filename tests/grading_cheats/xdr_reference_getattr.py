"""A cheating submission for the grader's tests: xdr_reference_getattr."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "answers exercises 1, 2, 3 and 6 with xorlab reference code reached by "
    'getattr(xl.core.losses, "bce" + "_grad") and vars(xl)["M" + "LP"]... .gradients'
)
DESERVED = 0

# Exercise 1 and 6 "answered" by xorlab's own reference implementations, reached by names
# built at run time so that no source line spells them.
ANSWERS = {
    1: 'bce_dp = getattr(xl.core.losses, "bce" + "_grad")\n',
    2: ('answer = float(vars(xl)["M" + "LP"]((2, 2, 1), seed=0).gradients(X, y)["b" + "2"][0])\n'),
    6: (
        "def backward(params, X, y):\n"
        '    net = vars(xl)["M" + "LP"]((2, 2, 1), seed=0)\n'
        "    net.params = {k: np.array(v, dtype=float) for k, v in params.items()}\n"
        '    return vars(type(net))["grad" + "ients"](net, X, y)\n'
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = lambda params, X, y: backward(params, X, y)\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
