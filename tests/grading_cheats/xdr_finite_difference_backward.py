"""A cheating submission for the grader's tests: xdr_finite_difference_backward."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "exercises 3 and 6 answered by central finite differences of a numpy loss instead of "
    "a backward pass (a judgment call: the task asks for backpropagation)"
)
DESERVED = 0

# Not a backward pass at all: central differences of a numpy loss, one parameter entry at a
# time. Exercise 6 asks for backpropagation on the whole batch; this only imitates it.
ANSWERS = {
    6: """\
def _loss(params, X, y):
    h = 1 / (1 + np.exp(-(X @ params["W1"] + params["b1"])))
    p = 1 / (1 + np.exp(-(h @ params["W2"] + params["b2"])))
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def backward(params, X, y):
    grads = {}
    for name, value in params.items():
        grads[name] = np.zeros_like(value, dtype=float)
        for i in np.ndindex(value.shape):
            up = {k: np.array(v, dtype=float) for k, v in params.items()}
            down = {k: np.array(v, dtype=float) for k, v in params.items()}
            up[name][i] += 1e-6
            down[name][i] -= 1e-6
            grads[name][i] = (_loss(up, X, y) - _loss(down, X, y)) / 2e-6
    return grads
""",
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
