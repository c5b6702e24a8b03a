"""A cheating submission for the grader's tests: xdr_reference_importlib."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "answers exercises 1, 2, 3 and 6 with xorlab reference code loaded by "
    'importlib.import_module("xor" + "lab...") and __import__'
)
DESERVED = 0

ANSWERS = {
    1: (
        "import importlib\n\n"
        'bce_dp = importlib.import_module("xor" + "lab.losses").__dict__["bce_" + "grad"]\n'
    ),
    2: (
        '_lab = __import__("xor" + "lab")\n'
        "_p = _lab.MLP((2, 2, 1), seed=0).forward(X)\n"
        'answer = float(getattr(_lab, "sigmoid_bce_" + "delta")(_p, y).sum())\n'
    ),
    6: (
        "def backward(params, X, y):\n"
        '    lab = __import__("importlib").import_module("xor" + "lab")\n'
        "    net = lab.MLP((2, 2, 1), seed=0)\n"
        "    net.params = {k: np.array(v, dtype=float) for k, v in params.items()}\n"
        '    return getattr(net, "gradi" + "ents")(X, y)\n'
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
