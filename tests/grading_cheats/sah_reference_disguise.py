"""A cheating submission for the grader's tests: sah_reference_disguise."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "case-stuck-at-half"
DESCRIPTION = (
    "output_delta and fixed_step call xorlab.sigmoid_bce_delta and "
    'MLP(hidden="relu").gradients, loaded with importlib and name strings, run in a '
    "worker thread"
)
DESERVED = 0

# Exercises 3 and 5 answered by xorlab's reference code, reached with importlib and name
# strings and called in a worker thread.
HELPER = """\
import importlib
from concurrent.futures import ThreadPoolExecutor

_lab = importlib.import_module("xor" + "lab")
_pool = ThreadPoolExecutor(1)


def _run(fn, *args):
    return _pool.submit(fn, *args).result()


def output_delta(z, y):
    delta = getattr(_lab, "sigmoid_bce_" + "delta")
    return _run(delta, 1 / (1 + np.exp(-z)), y)
"""

STEP = """\
def fixed_step(params, X, y, lr):
    net = _lab.MLP((2, params["A"].shape[1], 1), hidden="relu", seed=0)
    names = {"W1": "A", "b1": "a", "W2": "B", "b2": "b"}
    net.params = {k: np.array(params[v], dtype=float) for k, v in names.items()}
    grads = _run(getattr(net, "gradi" + "ents"), X, y)
    return {v: params[v] - lr * grads[k] for k, v in names.items()}
"""


def make(release_nb):
    return submission(release_nb, CHAPTER, answers={3: HELPER, 5: STEP})
