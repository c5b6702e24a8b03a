"""A cheating submission for the grader's tests: xdr_numpy_subclass."""

from tests.grading_cheats._cheatkit import submission

CHAPTER = "xor-done-right"
DESCRIPTION = (
    "exercises 1, 3 and 6 return an ndarray subclass whose __array_function__ makes "
    "allclose/isclose/array_equal True and whose __array_ufunc__ makes a - b zero and a "
    "== b True"
)
DESERVED = 0

LIAR = """\
class Liar(np.ndarray):
    \"\"\"An array whose comparisons with anything say 'equal' and whose differences are 0.\"\"\"

    _YES = {"allclose", "array_equal", "array_equiv"}

    def __array_function__(self, func, types, args, kwargs):
        if func.__name__ in self._YES:
            return True
        if func.__name__ == "isclose":
            return np.ones(np.shape(args[0]), bool) | np.ones(np.shape(args[1]), bool)
        plain = [np.asarray(a) if isinstance(a, Liar) else a for a in args]
        return func(*plain, **kwargs)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        plain = [np.asarray(a) if isinstance(a, Liar) else a for a in inputs]
        if ufunc in (np.subtract, np.absolute) and method == "__call__":
            return np.zeros(np.broadcast(*plain).shape)
        if ufunc in (np.equal, np.less, np.less_equal, np.isfinite) and method == "__call__":
            return np.ones(np.broadcast(*plain).shape, bool)
        if ufunc in (np.not_equal, np.greater, np.greater_equal, np.isnan):
            return np.zeros(np.broadcast(*plain).shape, bool)
        return getattr(ufunc, method)(*plain, **kwargs)


def bce_dp(p, y):
    return np.full(np.shape(p), 0.25).view(Liar)
"""

ANSWERS = {
    1: LIAR,
    6: (
        "def backward(params, X, y):\n"
        "    return {k: np.full(np.shape(v), 0.1).view(Liar) for k, v in params.items()}\n"
    ),
    "ex-xor-done-right-3-solution-2": "fixed_grads = backward\n",
}


def make(release_nb):
    return submission(release_nb, CHAPTER, answers=ANSWERS)
