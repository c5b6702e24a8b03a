"""A cheating submission (the grading helper's own): xorlab's reference functions called in
ways no scan rule can see, so only the grader's watch on the answer's calls refuses them."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "answers exercises 1, 3 and 6 with xorlab's bce_grad (reached by getattr with a built "
    "name) and MLP.gradients (called plainly inside the answer)"
)
DESERVED = 0

ANSWERS = {
    1: 'bce_dp = getattr(xl.core.losses, "bce" + "_grad")\n',
    6: (
        "def backward(params, X, y):\n"
        "    net = xl.MLP((2, 2, 1), seed=0)\n"
        "    net.params = {k: np.array(v, dtype=float) for k, v in params.items()}\n"
        "    return net.gradients(X, y)\n"
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
