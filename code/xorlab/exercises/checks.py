"""Self-checks for exercises: call one on your answer; it says whether it is right and, if not,
why. Each returns a `Feedback`, which prints as a short message and is truthy when correct.

Every check goes through one guard (`_number`, `_array`, `_params`, `_call`): whatever the
answer is (None, NaN, a string, a ragged list, a function that raises or returns None, or one of
xorlab's own reference functions), the learner gets a message naming the problem, never a
traceback. No message states the expected answer, and none says "too large" or "too small" for
a number (that would let anyone find it by bisection); a message may name a known mistake.
"""

import types
from dataclasses import dataclass

import numpy as np

from ..core import losses
from ..core.data import xor
from ..core.mlp import MLP


@dataclass
class Feedback:
    """The verdict of a self-check: `correct` and a `message` for the learner."""

    correct: bool
    message: str

    def __bool__(self):
        return self.correct

    def __str__(self):
        return ("Correct. " if self.correct else "Not yet. ") + self.message

    __repr__ = __str__


# --- the guard ------------------------------------------------------------------------------


class _Refused(Exception):
    """An answer the check cannot use; its message is the feedback."""


def _guarded(check):
    """Turn a `_Refused` raised anywhere inside `check` into `Feedback(False, message)`."""

    def run(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except _Refused as why:
            return Feedback(False, str(why))

    run.__name__, run.__qualname__, run.__doc__ = check.__name__, check.__qualname__, check.__doc__
    run.__wrapped__ = check
    return run


def _describe(value):
    """A short, safe description of any value, for messages."""
    text = repr(value)
    return text if len(text) <= 40 else f"a {type(value).__name__}"


def _number(value, name):
    """`value` as one finite float, or `_Refused` saying what is wrong with it."""
    if value is None:
        raise _Refused(f"{name} is None: store your number in it, then run the check again.")
    if isinstance(value, (bool, np.bool_)):
        raise _Refused(f"{name} is {value}, a truth value; the answer is a number.")
    if isinstance(value, str):
        raise _Refused(f"{name} is the string {_describe(value)}; give a number, not text.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise _Refused(f"{name} must be a number, got {_describe(value)}.") from None
    if arr.size != 1:
        raise _Refused(f"{name} must be one number, got an array of shape {arr.shape}.")
    v = float(arr.ravel()[0])
    if np.isnan(v):
        raise _Refused(f"{name} is NaN: something divided 0 by 0 or took log of a negative.")
    if not np.isfinite(v):
        raise _Refused(f"{name} is infinite: something overflowed or divided by zero.")
    return v


def _array(value, shape, name):
    """`value` as a finite float array of exactly `shape`, or `_Refused` naming the problem."""
    if value is None:
        raise _Refused(f"{name} is None; it must be an array of shape {shape}.")
    if isinstance(value, str):
        raise _Refused(f"{name} is a string; it must be an array of shape {shape}.")
    try:
        arr = np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise _Refused(
            f"{name} cannot be read as an array of numbers (ragged rows or non-numbers?); "
            f"it must have shape {shape}."
        ) from None
    if arr.shape != tuple(shape):
        raise _Refused(f"{name} has shape {arr.shape}; it must be {tuple(shape)}.")
    if not np.isfinite(arr).all():
        raise _Refused(f"{name} contains NaN or inf: did something overflow or divide by zero?")
    return arr


def _params(value, shapes, name="params"):
    """A dict with exactly the keys of `shapes`, each a finite array of its shape."""
    if not isinstance(value, dict):
        raise _Refused(f"{name} must be a dict with keys {list(shapes)}, got {_describe(value)}.")
    missing = [k for k in shapes if k not in value]
    if missing:
        raise _Refused(f"{name} is missing {missing}; it needs {list(shapes)}.")
    return {k: _array(value[k], s, f"{name}[{k!r}]") for k, s in shapes.items()}


def _is_xorlab(obj):
    module = getattr(obj, "__module__", None) or ""
    return module == "xorlab" or module.startswith("xorlab.")


# Names of xorlab functions that compute what an exercise asks for, and of the chapters' own
# reference helpers: a learner's function that calls one of them is refused.
_XORLAB_REFERENCES = {
    "bce_grad",
    "mse_grad",
    "sigmoid_bce_delta",
    "gradients",
    "gradcheck",
    "check_gradients",
    "translation_step",
    "translation_gradients",
    "sigmoid_derivative",
    "tanh_derivative",
    "relu_derivative",
    "surrogate_loss",
    "flipped_surrogate",
    "chain_loss_and_grads",
}
_CHAPTER_REFERENCES = {"loss_and_grads", "fixed_grads"}


def _references_used(fn, depth=3):
    """The reference functions `fn`'s code calls, following the learner's own helpers:
    a name bound to an xorlab function, a chapter reference helper, or an attribute (like
    `xl.bce_grad`) named like an xorlab reference."""
    code = getattr(fn, "__code__", None)
    if code is None or depth == 0:
        return set()
    names, stack = set(), [code]
    while stack:
        c = stack.pop()
        names |= set(c.co_names)
        stack += [k for k in c.co_consts if isinstance(k, types.CodeType)]
    bound, used = dict(getattr(fn, "__globals__", {})), set()
    for var, cell in zip(code.co_freevars, getattr(fn, "__closure__", None) or ()):
        try:
            bound[var] = cell.cell_contents
        except ValueError:  # an empty cell
            continue
    names |= set(code.co_freevars)
    for name in names:
        obj = bound.get(name)
        if obj is None:
            used |= {name} & _XORLAB_REFERENCES
        elif _is_xorlab(obj) and callable(obj):
            used |= {name} & _XORLAB_REFERENCES
        elif name in _CHAPTER_REFERENCES:
            used.add(name)
        elif isinstance(obj, types.FunctionType) and obj is not fn:
            used |= _references_used(obj, depth - 1)
    return used


def _refuse_reference(fn, name):
    """Refuse xorlab's own functions, and functions that call them or the chapters' reference
    helpers, as an answer: the exercise asks the learner to write the function."""
    target = getattr(fn, "func", fn)  # functools.partial
    target = getattr(target, "__func__", target)  # bound methods
    if _is_xorlab(target) or _is_xorlab(getattr(fn, "__self__", None)):
        raise _Refused(f"{name} is one of xorlab's own functions; write it yourself.")
    code = getattr(target, "__code__", None)
    if code is not None and code.co_filename.startswith(_PACKAGE_DIR):
        raise _Refused(f"{name} runs xorlab's own code; write it yourself.")
    used = _references_used(target)
    if used:
        raise _Refused(
            f"{name} calls {', '.join(sorted(used))}, a reference this exercise asks you to "
            "replace; write that part yourself."
        )


def _call(fn, args, name):
    """Call the learner's `fn(*args)` on copies of `args`; `_Refused` for every failure."""
    if fn is None:
        raise _Refused(f"{name} is None: define the function, run its cell, then this check.")
    if not callable(fn):
        raise _Refused(f"{name} must be a function, got {_describe(fn)}.")
    _refuse_reference(fn, name)
    copies = [a.copy() if isinstance(a, (np.ndarray, dict)) else a for a in args]
    copies = [{k: v.copy() for k, v in a.items()} if isinstance(a, dict) else a for a in copies]
    try:
        with np.errstate(all="ignore"):
            got = fn(*copies)
    except NotImplementedError:
        raise _Refused(f"{name} is still the stub: write its body, then run the check.") from None
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        raise _Refused(f"calling {name} raised {type(exc).__name__}: {exc}") from None
    if got is None:
        raise _Refused(f"{name} returned None: is a `return` missing?")
    return got


_PACKAGE_DIR = str(__import__("pathlib").Path(__file__).resolve().parents[1])


# --- the numeric-answer helper -------------------------------------------------------------


def _numeric(value, expected, name, right, hint, mistakes=(), rtol=1e-3):
    """The verdict on a number: `right` when within `rtol` of `expected`; else the message of the
    first known mistake [(value, message)] it matches; else `hint`. Never states `expected`."""
    v = _number(value, name)
    close = lambda a, b: np.isclose(a, b, rtol=rtol, atol=1e-12)  # noqa: E731
    if close(v, expected):
        return Feedback(True, right)
    for wrong, message in mistakes:
        if close(v, wrong):
            return Feedback(False, f"{name} = {v:.4g}: {message}")
    return Feedback(False, f"{name} = {v:.4g} is not it. {hint}")


@_guarded
def check_number(value, expected, name="your answer", rtol=1e-3):
    """Check a number against the expected value, with a relative tolerance `rtol`."""
    hint = "Go back over the steps that lead to it."
    return _numeric(value, expected, name, f"{name} matches.", hint, rtol=rtol)


# --- gradients and steps, checked against finite differences -------------------------------


def _fd_gradient(loss, params, *args, eps=1e-6):
    """Central differences of `loss(params, *args)` for every entry of every array of `params`."""
    grads = {}
    for k, v in params.items():
        g = np.zeros_like(v)
        for i in np.ndindex(v.shape):
            up = {**params, k: v.copy()}
            down = {**params, k: v.copy()}
            up[k][i] += eps
            down[k][i] -= eps
            g[i] = (loss(up, *args) - loss(down, *args)) / (2 * eps)
        grads[k] = g
    return grads


def _how_wrong(got, want, n):
    """One phrase on how the array `got` differs from the true gradient `want`."""
    if got.shape != want.shape:
        return f"shape {got.shape}, not {want.shape}"
    ng, nw = np.linalg.norm(got), np.linalg.norm(want)
    if ng == 0:
        return "all zeros"
    cosine = float(np.sum(got * want) / (ng * nw)) if nw > 0 else 0.0
    if cosine < -0.9999:
        return "the wrong way (cosine -1): a sign is flipped"
    if cosine > 0.9999:
        ratio = ng / nw
        if np.isclose(ratio, n, rtol=1e-4) and n > 1:
            return f"n = {n} times too large: the loss is a mean over the n samples"
        return f"the right direction but {ratio:.3g} times the right length"
    return f"not the slope of the loss (cosine {cosine:+.2f})"


def _compare(got, want, n):
    """None if the learner's gradients `got` match the finite differences `want` (dicts of
    arrays); otherwise one message saying which arrays are right and how the others are wrong."""
    wrong = [k for k in want if not np.allclose(got[k], want[k], rtol=1e-5, atol=1e-7)]
    if not wrong:
        return None
    right = [k for k in want if k not in wrong]
    groups = {}
    for k in wrong:
        groups.setdefault(_how_wrong(got[k], want[k], n), []).append(k)
    parts = [f"{', '.join(right)} right"] if right else []
    parts += [f"{', '.join(keys)}: {phrase}" for phrase, keys in groups.items()]
    return "; ".join(parts) + "."


@dataclass(frozen=True)
class _Program:
    """A small network written out here, independently of `MLP`, for reference values.

    `shapes(units)` gives the parameter shapes; `loss(params, X, y)` the training loss;
    `points` the (seed, units, n) at which a learner's code is compared with finite differences.
    """

    shapes: object
    loss: object
    points: tuple = ((0, 2, 4), (1, 2, 7), (2, 3, 1))

    def cases(self, scale=1.0):
        """[(params, X, y)] at every point; the first uses XOR's four samples."""
        out = []
        for seed, units, n in self.points:
            rng = np.random.default_rng(1000 + seed)
            params = {k: scale * rng.normal(size=s) for k, s in self.shapes(units).items()}
            if n == 4:
                X, y = xor()
            else:
                X = rng.normal(size=(n, 2))
                y = rng.integers(0, 2, size=(n, 1)).astype(float)
            out.append((params, X, y))
        return out


def _sigmoid(z):
    return 0.5 + 0.5 * np.tanh(0.5 * z)


def _two_layer_shapes(units, names=("W1", "b1", "W2", "b2")):
    w1, b1, w2, b2 = names
    return {w1: (2, units), b1: (units,), w2: (units, 1), b2: (1,)}


def _mean_bce_sigmoid(params, X, y):
    h = _sigmoid(X @ params["W1"] + params["b1"])
    z = h @ params["W2"] + params["b2"]
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def _mean_bce_relu(params, X, y):
    h = np.maximum(X @ params["A"] + params["a"], 0.0)
    z = h @ params["B"] + params["b"]
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def _squared_error(hidden):
    squash = {"sigmoid": _sigmoid, "tanh": np.tanh}[hidden]

    def loss(params, X, y):
        h = squash(X @ params["W1"] + params["b1"])
        out = _sigmoid(h @ params["W2"] + params["b2"])
        return float(np.sum((y - out) ** 2))

    return loss


_BACKWARD = _Program(_two_layer_shapes, _mean_bce_sigmoid, ((0, 2, 4), (1, 2, 7), (2, 2, 1)))
_STUCK = _Program(
    lambda u: _two_layer_shapes(u, ("A", "a", "B", "b")),
    _mean_bce_relu,
    ((0, 10, 4), (1, 3, 7), (2, 10, 5)),
)


def _check_gradient_function(fn, program, name, scale=1.0):
    """fn(params, X, y) -> dict of gradients, compared with finite differences at each case."""
    for params, X, y in program.cases(scale):
        got = _call(fn, (params, X, y), name)
        got = _params(got, {k: v.shape for k, v in params.items()}, f"what {name} returned")
        want = _fd_gradient(program.loss, params, X, y)
        problem = _compare(got, want, len(X))
        if problem:
            return Feedback(False, f"with {len(X)} sample(s): {problem}")
    return None


def _check_step_function(fn, program, name, lr, extra=(), scale=1.0):
    """fn(params, X, y, lr, *extra) -> new params: one gradient-descent step on program.loss."""
    for params, X, y in program.cases(scale):
        new = _call(fn, (params, X, y, lr, *extra), name)
        new = _params(new, {k: v.shape for k, v in params.items()}, f"what {name} returned")
        if all(np.array_equal(new[k], params[k]) for k in params):
            return Feedback(False, f"{name} returned the params unchanged: apply the step.")
        implied = {k: (params[k] - new[k]) / lr for k in params}
        want = _fd_gradient(program.loss, params, X, y)
        problem = _compare(implied, want, len(X))
        if problem:
            return Feedback(
                False, f"the step it takes, as (old - new) / lr, with {len(X)} sample(s): {problem}"
            )
    return None


@_guarded
def check_backward(fn):
    """Check `fn(params, X, y) -> grads`, the batched backward pass of a 2-2-1 sigmoid net with
    biases and the mean BCE: params and grads are dicts W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,);
    X: (n, 2), y: (n, 1). Compared with central finite differences of the loss at three points
    (XOR's four samples, seven random samples, one sample)."""
    failed = _check_gradient_function(fn, _BACKWARD, "your backward")
    return (
        failed
        if failed is not None
        else Feedback(
            True,
            "every entry of every gradient matches finite differences, for 1, 4 and 7 samples.",
        )
    )


@_guarded
def check_rising_cost_step(fn):
    """Check `fn(params, X, y, lr) -> new params`: one corrected step of the question's program
    (2-2-1 sigmoid with biases, mean BCE), params W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,)."""
    failed = _check_step_function(fn, _BACKWARD, "your fixed_step", 0.5)
    return (
        failed
        if failed is not None
        else Feedback(True, "each step goes downhill on the mean cross-entropy.")
    )


@_guarded
def check_stuck_step(fn):
    """Check `fn(params, X, y, lr) -> new params`: one corrected step of the question's ReLU
    program with biases and the mean BCE; params A (2, h), a (h,), B (h, 1), b (1,), any h."""
    failed = _check_step_function(fn, _STUCK, "your fixed_step", 0.4)
    return (
        failed
        if failed is not None
        else Feedback(
            True, "each step is gradient descent on the mean cross-entropy, for 3 and 10 units."
        )
    )


@_guarded
def check_tanh_step(fn):
    """Check `fn(params, X, y, lr, hidden) -> new params`: one corrected step of the question's
    program, hidden "sigmoid" or "tanh", sigmoid output, loss sum((y - out)^2) (no 1/n);
    params W1 (2, h), b1 (h,), W2 (h, 1), b2 (1,)."""
    for hidden in ("tanh", "sigmoid"):
        program = _Program(_two_layer_shapes, _squared_error(hidden))
        failed = _check_step_function(fn, program, "your fixed_step", 0.1, (hidden,))
        if failed is not None:
            return Feedback(False, f"hidden={hidden!r}: {failed.message}")
    return Feedback(True, "each step is gradient descent on the squared error, tanh and sigmoid.")


def _chain_loss(params, X, y):
    """The 1-1-1 chain with biases: E = 1/2 sum (target - out)^2; params {"w": (4,)}."""
    w1, b1, w2, b2 = params["w"]
    out = _sigmoid(w2 * _sigmoid(w1 * X + b1) + b2)
    return float(0.5 * np.sum((y - out) ** 2))


@_guarded
def check_climb_step(fn):
    """Check `fn(w, x, target, rate) -> new w`: one corrected step of the question's program,
    the 1-1-1 sigmoid chain *with* biases, w = [w1, b1, w2, b2] (4,), x and target (n,),
    E = 1/2 sum (target - out)^2, new w = w - rate dE/dw."""
    rng = np.random.default_rng(5)
    cases = [(np.array([0.0, 1.0]), np.array([0.0, 1.0]), 5.0)]
    cases.append((np.array([-1.0, 0.5, 2.0]), np.array([0.2, 0.9, 0.4]), 0.7))
    for x, t, rate in cases:
        w = rng.normal(size=4)
        new = _array(_call(fn, (w, x, t, rate), "your climb_step"), (4,), "what it returned")
        if np.array_equal(new, w):
            return Feedback(False, "climb_step returned w unchanged: apply the step.")
        implied = {"w": (w - new) / rate}
        want = _fd_gradient(_chain_loss, {"w": w}, x, t)
        problem = _compare(implied, want, len(x))
        if problem:
            entries = np.flatnonzero(~np.isclose(implied["w"], want["w"], rtol=1e-5, atol=1e-7))
            names = ", ".join(("w1", "b1", "w2", "b2")[i] for i in entries)
            return Feedback(
                False, f"with x = {x.tolist()}: the step for {names} is not -rate dE/dw; {problem}"
            )
    return Feedback(True, "each step is gradient descent on E, biases included.")


# --- xor-done-right ------------------------------------------------------------------------


def _probe_points():
    p = np.array([[0.1], [0.3], [0.5], [0.7], [0.9], [0.2], [0.6], [0.95]])
    y = np.array([[0.0], [0.0], [0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])
    return p, y


@_guarded
def check_bce_grad(fn):
    """Check `fn(p, y)` returns dL/dp of the *mean* binary cross-entropy, for p, y: (n, 1)."""
    p, y = _probe_points()
    want = losses.bce_grad(p, y)
    got = _array(_call(fn, (p, y), "your function"), want.shape, "what it returned")
    if np.allclose(got, want, rtol=1e-6, atol=1e-9):
        return Feedback(True, "your dL/dp matches the derivative of the mean BCE.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], -want[rows]):
            return Feedback(False, f"your dL/dp has the wrong sign for y = {cls}.")
    if np.allclose(got, want * len(p)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    return Feedback(
        False, "it is not the derivative of the mean BCE; differentiate one sample's term first."
    )


@_guarded
def check_b2_gradient(value):
    """dL/db2 of the untrained `MLP((2, 2, 1), seed=0)` on XOR (mean BCE), one number."""
    X, y = xor()
    net = MLP((2, 2, 1), seed=0)
    p = net.forward(X)
    want = float(np.mean(p - y))
    return _numeric(
        value,
        want,
        "answer",
        "it matches the network's own dL/db2.",
        "dL/db2 is the sum over the samples of the output error delta2.",
        [(want * len(X), "n times too large: the loss is a mean."), (-want, "the sign is off.")],
    )


@_guarded
def check_xor_weights(params, sizes=(2, 2, 1), hidden="sigmoid", output="sigmoid", tol=0.1):
    """Check hand-chosen `params` (dict W1, b1, W2, b2 with MLP shapes) solve XOR: every output
    within `tol` of its target."""
    net = MLP(sizes, hidden=hidden, output=output)
    net.params = _params(params, {k: v.shape for k, v in net.params.items()})
    X, y = xor()
    p = net.forward(X)
    worst = int(np.argmax(np.abs(p - y)))
    if np.all(np.abs(p - y) < tol):
        return Feedback(True, f"every output is within {tol} of its target.")
    return Feedback(
        False,
        f"input {X[worst].tolist()} gives {p[worst, 0]:.3f}, target {y[worst, 0]:.0f} "
        f"(allowed distance {tol}).",
    )


# --- case-no-bias --------------------------------------------------------------------------


@_guarded
def check_f0(value):
    """f(0) of the bias-free 1-1-1 chain with w1 = 7, w2 = -4, to four decimals."""
    want = float(_sigmoid(-4.0 * _sigmoid(0.0)))
    return _numeric(
        value,
        want,
        "f(0)",
        "it matches the chain's output at x = 0.",
        "At x = 0, what does the hidden neuron output, whatever w1 is?",
        [(float(_sigmoid(-4.0 * _sigmoid(7.0))), "that uses h = sigmoid(w1); at x = 0 it is not.")],
        rtol=5e-4,
    )


@_guarded
def check_pm_one_infimum(value):
    """The infimum of the MSE of the bias-free 1-1-1 chain on x in {-1, +1}, targets 0 and 1."""
    return _numeric(
        value,
        0.125,
        "the infimum",
        "it matches the bound, and the grid approaches it.",
        "Where must f(-1) and f(+1) lie, relative to 1/2, and what does each then cost?",
        [(0.25, "that is the loss at f = 1/2 on both inputs; one output can do better.")],
    )


_CHAIN_KEYS = {True: ("W1", "b1", "W2", "b2"), False: ("W1", "W2"), "output": ("W1", "W2", "b2")}


@_guarded
def check_identity_params(params, bias=True):
    """Check hand-chosen parameters of the 1-1-1 sigmoid chain learn the identity task (x = 0 -> 0,
    x = 1 -> 1) with mean squared error below 0.01. bias: True (W1, b1, W2, b2), False (W1, W2)
    or "output" (W1, W2, b2). Each value is a number or an array with one entry."""
    from ..cases import no_bias

    if bias not in _CHAIN_KEYS:
        return Feedback(False, f"bias must be True, False or 'output', got {_describe(bias)}.")
    keys = _CHAIN_KEYS[bias]
    if not isinstance(params, dict):
        return Feedback(False, f"params must be a dict with keys {list(keys)}.")
    if set(params) != set(keys):
        return Feedback(False, f"with bias={bias!r} params needs exactly {list(keys)}.")
    values = {k: _number(params[k], k) for k in keys}
    f0, f1 = (float(f) for f in no_bias.chain_forward(values, [0.0, 1.0]))
    loss = float(no_bias.identity_loss(f0, f1))
    where = f"f(0) = {f0:.3f}, f(1) = {f1:.3f}, loss {loss:.2g}"
    if loss < 0.01:
        return Feedback(True, f"{where} < 0.01.")
    if bias is False:
        why = "no bias-free weights can: f(0) and f(1) always lie on the same side of 1/2"
        return Feedback(False, f"{where}; {why}.")
    if f0 >= 0.5:
        return Feedback(
            False,
            f"{where}: f(0) is on the wrong side of 1/2; the output unit's input at x = 0 must "
            "be strongly negative.",
        )
    if f1 <= 0.5:
        return Feedback(
            False,
            f"{where}: f(1) is on the wrong side of 1/2; the output unit's input at x = 1 must "
            "be strongly positive.",
        )
    return Feedback(
        False,
        f"{where}: both outputs are on the right side of 1/2 but not close enough; scale the "
        "weights and biases up.",
    )


@_guarded
def check_bias_free_choices(answer):
    """Check the letters of `no_bias.QUIZ_PAIRS` a bias-free 1-1-1 chain can output exactly,
    given as a string ("AC") or a collection of letters. Says how many letters are wrong, never
    which: the criterion is the lesson."""
    from ..cases import no_bias

    if answer is None or not isinstance(answer, (str, list, tuple, set, frozenset)):
        return Feedback(False, f'give the letters as a string like "AB", got {_describe(answer)}.')
    chosen = {str(a).strip().upper() for a in answer} - {"", ","}
    if not chosen:
        return Feedback(False, "choose at least one letter.")
    unknown = chosen - set(no_bias.QUIZ_PAIRS)
    if unknown:
        return Feedback(
            False, f"{sorted(unknown)} are not options; choose from {sorted(no_bias.QUIZ_PAIRS)}."
        )
    truth = {k for k, (f0, f1) in no_bias.QUIZ_PAIRS.items() if no_bias.no_bias_weights(f0, f1)}
    extra, missed = len(chosen - truth), len(truth - chosen)
    if not extra and not missed:
        return Feedback(True, "exactly the reachable pairs.")
    parts = [f"{extra} of your letters cannot be reached"] if extra else []
    parts += [f"{missed} reachable pair(s) are missing"] if missed else []
    return Feedback(
        False,
        "; ".join(parts) + ". For each pair: are f(0) and f(1) on the same side of 1/2, and how "
        "does logit f(1) compare with logit f(0)?",
    )


# --- case-sigmoid-vs-tanh ------------------------------------------------------------------


@_guarded
def check_tanh_derivative(fn):
    """Check `fn(a)` returns tanh's derivative written in terms of its output a = tanh(z)."""
    a = np.linspace(-0.95, 0.95, 9)
    got = _array(_call(fn, (a,), "your function"), a.shape, "its result")
    if np.allclose(got, 1 - a**2):
        return Feedback(True, "it gives tanh'(z) from the output a alone.")
    if np.allclose(got, a * (1 - a)):
        return Feedback(False, "a (1 - a) is the sigmoid's derivative; it is negative for a < 0.")
    if np.allclose(got, 1 - np.tanh(a) ** 2):
        return Feedback(
            False, "a is already tanh(z); applying tanh again gives tanh'(a), not tanh'(z)."
        )
    return Feedback(False, "differentiate tanh(z) and write the result with a = tanh(z).")


@_guarded
def check_chain_bound(value):
    """Check the largest factor that an output sigmoid and a hidden sigmoid, together, can
    put on a gradient reaching the first layer."""
    return _numeric(
        value,
        1 / 16,
        "the bound",
        "the two largest slopes multiply.",
        "Take each sigmoid derivative's maximum and combine them as the chain rule does.",
        [
            (1 / 4, "that is one sigmoid's bound; the gradient passes through two."),
            (1 / 2, "the chain rule multiplies the derivatives; it does not add them."),
        ],
        rtol=1e-6,
    )


@_guarded
def check_missing_factor(value):
    """The factor by which `missing_output_derivative` makes the first-layer gradient too large
    when every output is p = 0.5."""
    return _numeric(
        value,
        4.0,
        "the factor",
        "it matches the factor the bug drops, inverted.",
        "Which factor does the bug leave out, and what is it at p = 0.5?",
        [(0.25, "that is the factor left out; the gradient is too large by its inverse.")],
    )


# --- case-stuck-at-half --------------------------------------------------------------------


@_guarded
def check_no_bias_floor(value):
    """The smallest mean BCE any bias-free network with a sigmoid output can reach on XOR."""
    return _numeric(
        value,
        np.log(2) / 4,
        "floor",
        "no weights get below it, and large ones approach it.",
        "What does input (0, 0) cost, and how often does it count in the mean?",
        [
            (np.log(2), "that is the loss on input (0, 0) alone; the loss is a mean over 4."),
            (0.5, "that is an output, not a loss."),
            (0.0, "without biases the output at (0, 0) is the same for any weights."),
        ],
    )


@_guarded
def check_dead_at_init(value):
    """The expected fraction of dead ReLU units at initialisation for a bias-free 2-h-1 net on
    XOR whose first-layer weights are drawn from a distribution symmetric about 0."""
    return _numeric(
        value,
        0.25,
        "dead_share",
        "it matches the measured fraction.",
        "Which signs of (w1, w2) make z <= 0 on all four inputs?",
        [
            (
                0.5,
                "one negative weight is not enough: the unit still fires where the other is used.",
            ),
            (0.0, "that holds for U[0, 1); here each weight is negative half the time."),
            (0.75, "that is the fraction of units with at least one weight <= 0."),
        ],
    )


@_guarded
def check_output_delta(fn):
    """Check `fn(z, y)` returns dL/dz for the mean BCE of a sigmoid output p = sigmoid(z);
    z, y: (n, 1)."""
    z = np.array([[-3.0], [-0.5], [0.0], [0.4], [2.5], [-1.5], [1.0], [4.0]])
    _, y = _probe_points()
    got = _array(_call(fn, (z, y), "your function"), z.shape, "what it returned")
    p = _sigmoid(z)
    want = (p - y) / len(z)
    if np.allclose(got, want, rtol=1e-6, atol=1e-12):
        return Feedback(True, "it matches the slope of the mean BCE in z.")
    if np.allclose(got, losses.bce_grad(p, y) * _sigmoid(p) * (1 - _sigmoid(p)), rtol=1e-4):
        return Feedback(False, "that is the sigmoid's slope at the output p; it belongs at z.")
    if np.allclose(got, want * len(z)):
        return Feedback(False, "it is n times too large: the loss is a *mean* over the n samples.")
    if np.allclose(got, -want):
        return Feedback(False, "the sign is flipped: dL/dz is positive when p is above y.")
    return Feedback(False, "it is not dL/dz; chain dL/dp with dp/dz and simplify.")


_DESIGN_KEYS = {"init", "lr", "epochs", "bias", "init_scale"}


@_guarded
def check_relu_xor_design(design):
    """Check a training design for 2-3-1 ReLU networks on XOR, a dict of `train_many` settings
    (init, lr, epochs <= 2000, bias, optionally init_scale; no faults). The check trains 1,000
    new seeds; correct when the 95% interval of the strict success rate starts at 90% or more."""
    from ..core.batched import train_many

    if hasattr(design, "spec"):
        return Feedback(False, "pass the dict of settings, not the result of train_many.")
    if not isinstance(design, dict):
        return Feedback(False, "design must be a dict like {'lr': ..., 'epochs': ...}.")
    unknown = set(design) - _DESIGN_KEYS
    if unknown:
        return Feedback(
            False, f"{sorted(unknown)} are fixed by the exercise; set only {sorted(_DESIGN_KEYS)}."
        )
    epochs = design.get("epochs")
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)):
        return Feedback(False, f"epochs must be a whole number, got {_describe(epochs)}.")
    if not 1 <= epochs <= 2000:
        return Feedback(False, f"the exercise allows 1 to 2,000 epochs, got {epochs}.")
    _number(design.get("lr"), "lr")
    try:
        run = train_many(1000, (2, 3, 1), "relu", seed=10**6, **design)
    except (TypeError, ValueError) as exc:
        return Feedback(False, str(exc))
    if run.interval[0] >= 0.9:
        return Feedback(True, f"{run.summary()} of 1,000 new seeds solve XOR strictly.")
    if not design.get("bias", True):
        return Feedback(False, "without biases input (0, 0) always gives 0.5: never a success.")
    from ..core.units import dead_fraction  # diagnose imports train_many; checks stays light

    return Feedback(
        False,
        f"{run.summary()} is not enough; {100 * dead_fraction(run):.0f}% of the hidden units "
        "ended dead. A start that keeps every unit alive on XOR's inputs helps.",
    )


# --- case-rising-cost ----------------------------------------------------------------------


def _sign(value):
    words = {"up": 1, "+": 1, "rises": 1, "down": -1, "-": -1, "falls": -1}
    if isinstance(value, str):
        return words.get(value.strip().lower())
    if value is None or isinstance(value, bool):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return int(np.sign(v)) if np.isfinite(v) and v != 0 else None


@_guarded
def check_step_signs(bce_sign, surrogate_sign, net, X, y, lr):
    """Check predicted signs of the change in the BCE and in the surrogate S (see
    `xorlab.cases.rising_cost`) after one step of `net`'s own gradient at `lr`;
    X: (n, d_in), y: (n, 1).
    Each sign is +1 or "up" (rises), -1 or "down" (falls). `net` is not changed."""
    from ..cases.rising_cost import surrogate_loss

    signs = (_sign(bce_sign), _sign(surrogate_sign))
    if None in signs:
        return Feedback(False, 'give each sign as +1 / "up" or -1 / "down".')
    after = net.copy()
    for k, g in after.gradients(X, y).items():
        after.params[k] -= lr * g
    changes = (
        after.loss(X, y) - net.loss(X, y),
        surrogate_loss(after, X, y) - surrogate_loss(net, X, y),
    )
    truth = tuple(int(np.sign(c)) for c in changes)
    if signs == truth:
        return Feedback(True, "both predictions match the step.")
    if signs[1] != truth[1]:
        why = (
            "the flipped backward pass is the exact gradient of S, so a small step lowers S."
            if truth[1] < 0
            else "this step is too large for S: it overshoots, as any too-large step can."
        )
        return Feedback(False, f"the prediction for S: {why}")
    why = (
        "once the outputs are near 1 the flipped gradient is the exact opposite of the BCE "
        "gradient (cosine -1), so each step climbs the BCE."
        if truth[0] > 0
        else "here the flipped gradient still points downhill for the BCE (positive cosine)."
    )
    return Feedback(False, f"the prediction for the BCE: {why}")


@_guarded
def check_sum_lr(value, lr_sum=0.1, n=4):
    """Check the learning rate for a mean-loss network that reproduces training with learning
    rate `lr_sum` on the gradient of the *sum* of the n samples' losses."""
    return _numeric(
        value,
        lr_sum * n,
        "lr",
        "the two programs take identical steps.",
        "Compare the gradient of a sum of n terms with the gradient of their mean.",
        [
            (lr_sum / n, "that divides by n; the sum's steps are n times *larger*, so multiply."),
            (lr_sum, "the same lr gives steps n times smaller on the mean loss."),
        ],
        rtol=1e-6,
    )


@_guarded
def check_y_flip_surrogate(fn):
    """Check `fn(z, y)` -> float, for logits z and targets y of shape (n, 1), is a function whose
    exact gradient in z is what BCE gives with the sign of its y/p term flipped (instead of the
    (1 - y)/(1 - p) term). A constant offset does not matter."""
    from ..core.activations import sigmoid

    p, y = _probe_points()
    z = np.log(p / (1.0 - p))
    want = (y * (1.0 - p) + (1.0 - y) * p) / len(p)
    got = np.zeros_like(z)
    _refuse_reference(fn, "your function")
    for i in range(len(z)):
        up, down = z.copy(), z.copy()
        up[i] += 1e-6
        down[i] -= 1e-6
        hi = _number(_call(fn, (up, y), "your function"), "its value")
        lo = _number(_call(fn, (down, y), "your function"), "its value")
        got[i] = (hi - lo) / 2e-6
    if np.allclose(got, want, rtol=1e-4, atol=1e-7):
        return Feedback(True, "its gradient in z is what the flipped backward pass descends.")
    if np.allclose(got, -want, rtol=1e-4, atol=1e-7):
        return Feedback(False, "that is the chapter's S, for the *other* flipped term.")
    if np.allclose(got, want * len(p), rtol=1e-4, atol=1e-7):
        return Feedback(False, "it is n times too steep: average over the n samples.")
    bce = (sigmoid(z) - y) / len(p)
    if np.allclose(got, bce, rtol=1e-4, atol=1e-7):
        return Feedback(False, "that is the plain BCE, whose gradient nothing has flipped.")
    for cls in (0, 1):
        rows = y[:, 0] == cls
        if np.allclose(got[rows], want[rows], rtol=1e-4) and np.allclose(
            got[~rows], bce[~rows], rtol=1e-4
        ):
            return Feedback(
                False,
                f"the y = {1 - cls} samples still follow the true BCE; which term is flipped?",
            )
    return Feedback(
        False, "its gradient in z is not the flipped one; push dL/dp through the sigmoid first."
    )


@_guarded
def check_xor_recipe(lr=None, epochs=None, init_scale=None, n=1000, seed=10**6):
    """Check a training recipe for XOR with the correct gradient: `n` >= 1,000 sigmoid nets of
    size (2, 2, 1), init "normal" times `init_scale`, full-batch `lr`, `epochs` <= 5000.
    Correct when the lower end of the 95% interval of the success rate reaches 90%."""
    from ..core.batched import train_many

    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)):
        return Feedback(False, f"epochs must be a whole number, got {_describe(epochs)}.")
    if not 0 < epochs <= 5000:
        return Feedback(False, f"the exercise allows 1 to 5,000 epochs, got {epochs}.")
    if not isinstance(n, (int, np.integer)) or n < 1000:
        return Feedback(False, f"the claim is about at least 1,000 seeds, got n = {n!r}.")
    for value, name in ((lr, "lr"), (init_scale, "init_scale")):
        if _number(value, name) <= 0:
            return Feedback(False, f"{name} must be positive, got {value!r}.")
    run = train_many(
        n, (2, 2, 1), lr=lr, epochs=epochs, init="normal", init_scale=init_scale, seed=seed
    )
    said = f"{run.summary()} of {n} seeds learned XOR"
    if run.interval[0] >= 0.9:
        return Feedback(True, f"{said}.")
    failed = run.final_loss[~run.success]
    at_start = np.mean(np.abs(failed - np.log(2)) < 1e-3) if failed.size else 0.0
    if at_start > 0.5:
        why = "most failures never left the start (loss ln 2 = 0.693): too small a start or lr"
    else:
        why = "most failures moved but stopped short: more epochs or another lr"
    return Feedback(False, f"{said}, short of 90%;\n{why}.")


# --- case-chain-rule -----------------------------------------------------------------------


def _chain_rule_case():
    W1 = np.array([[0.6, -0.4], [0.3, 0.8]])
    W2 = np.array([[0.7], [-0.5]])
    return W1, W2, np.array([1.0, 1.0]), np.array([0.0])


def _chain_rule_step(W1, W2, x, y, lr, bugs=()):
    from ..cases import chain_rule

    params = {"W1": W1[..., None], "W2": W2[..., None]}
    new = chain_rule.translation_step(params, x, y, lr, bugs)
    return new["W1"][..., 0], new["W2"][..., 0]


def _chain_rule_diagnosis(got, W1, W2, x, y, lr, as_step):
    """Name the translation bug (or bug pair) whose step or gradient matches `got`."""
    from ..cases import chain_rule

    names = list(chain_rule.TRANSLATION_BUGS)
    tried = [(b,) for b in names] + [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    for bugs in tried:
        new1, new2 = _chain_rule_step(W1, W2, x, y, lr, bugs)
        want = (new1, new2) if as_step else ((W1 - new1) / lr, (W2 - new2) / lr)
        if all(np.allclose(g, w, atol=1e-10) for g, w in zip(got, want)):
            return "; ".join(chain_rule.TRANSLATION_BUGS[b] for b in bugs)
    return None


def _two_arrays(fn, args, shapes, name):
    """The learner's fn(*args) as two finite arrays of `shapes`, or `_Refused`."""
    got = _call(fn, args, name)
    try:
        pair = None if isinstance(got, (str, dict)) else list(got)
    except TypeError:  # not iterable, or a 0-d array
        pair = None
    if pair is None or len(pair) != 2:
        raise _Refused(
            f"{name} must return two arrays, shaped like W1 {shapes[0]} and W2 {shapes[1]}."
        )
    return tuple(
        _array(g, s, f"array {i + 1} it returned") for i, (g, s) in enumerate(zip(pair, shapes))
    )


@_guarded
def check_sample_gradients(fn):
    """Check `fn(W1, W2, x, y) -> (dW1, dW2)`: the per-sample gradient of 1/2 (p - y)^2 for the
    bias-free sigmoid net h = sigma(x @ W1), p = sigma(h @ W2); W1 (2, 2), W2 (2, 1), x (2,),
    y (1,)."""
    W1, W2, x, y = _chain_rule_case()
    got = _two_arrays(fn, (W1, W2, x, y), (W1.shape, W2.shape), "your sample_gradients")
    new1, new2 = _chain_rule_step(W1, W2, x, y, 1.0)
    want = (W1 - new1, W2 - new2)
    if all(np.allclose(g, w, rtol=1e-6, atol=1e-10) for g, w in zip(got, want)):
        return Feedback(True, "both gradients match the chain rule for this sample.")
    if all(np.allclose(g, 2 * w) for g, w in zip(got, want)):
        return Feedback(False, "twice too large: the loss here is 1/2 (p - y)^2.")
    if np.allclose(got[0], want[0].T) and not np.allclose(got[0], want[0]):
        return Feedback(False, "dW1 is transposed: entry [i, u] belongs to input i, unit u.")
    bug = _chain_rule_diagnosis(got, W1, W2, x, y, 1.0, as_step=False)
    if bug:
        return Feedback(False, f"it matches a known mistake: {bug}.")
    right = [k for k, g, w in zip(("dW1", "dW2"), got, want) if np.allclose(g, w)]
    hint = f" {right[0]} is right; look at the other." if right else ""
    return Feedback(False, f"it does not match dL/dW = (input) x (error at the unit).{hint}")


@_guarded
def check_sample_step(fn, lr=0.5):
    """Check `fn(W1, W2, x, y, lr) -> (W1_new, W2_new)`: one per-sample gradient-descent step of
    the bias-free net of `check_sample_gradients`, both gradients taken from the *same* weights."""
    W1, W2, x, y = _chain_rule_case()
    got = _two_arrays(fn, (W1, W2, x, y, lr), (W1.shape, W2.shape), "your sample_step")
    want = _chain_rule_step(W1, W2, x, y, lr)
    if all(np.allclose(g, w, rtol=1e-6, atol=1e-10) for g, w in zip(got, want)):
        return Feedback(True, "a true per-sample gradient step: both layers use the old weights.")
    if np.allclose(got[0], W1) and np.allclose(got[1], W2):
        return Feedback(False, "the weights did not change: return the updated copies.")
    bug = _chain_rule_diagnosis(got, W1, W2, x, y, lr, as_step=True)
    if bug:
        return Feedback(False, f"it matches a known mistake: {bug}.")
    return Feedback(False, "it is not w - lr * dL/dw for this sample; check each layer.")


def _half_squared_error(params, X, y):
    """1/2 sum (p - y)^2 of the 2-h-1 sigmoid net with biases; params W1, b1, W2, b2."""
    h = _sigmoid(X @ params["W1"] + params["b1"])
    p = _sigmoid(h @ params["W2"] + params["b2"])
    return float(0.5 * np.sum((p - y) ** 2))


def _per_sample_pass(params, X, y, lr):
    """One pass over the rows of X in order, a finite-difference gradient step on each."""
    q = {k: v.copy() for k, v in params.items()}
    for i in range(len(X)):
        grad = _fd_gradient(_half_squared_error, q, X[i : i + 1], y[i : i + 1])
        q = {k: q[k] - lr * grad[k] for k in q}
    return q


@_guarded
def check_fixed_epoch(fn, lr=0.5):
    """Check `fn(params, X, y, lr) -> new params`: one pass of the corrected translated program,
    a gradient-descent step on 1/2 (p - y)^2 for each row of X in order (each step's gradients
    all taken before it updates), for the 2-h-1 sigmoid net with biases; params W1 (2, h),
    b1 (h,), W2 (h, 1), b2 (1,); X: (n, 2), y: (n, 1)."""
    program = _Program(_two_layer_shapes, _half_squared_error, ((0, 2, 4), (1, 3, 7)))
    for params, X, y in program.cases():
        new = _call(fn, (params, X, y, lr), "your fixed_epoch")
        new = _params(new, {k: v.shape for k, v in params.items()}, "what fixed_epoch returned")
        if all(np.array_equal(new[k], params[k]) for k in params):
            return Feedback(False, "fixed_epoch returned the params unchanged: apply the steps.")
        want = _per_sample_pass(params, X, y, lr)
        moved = {k: (params[k] - new[k]) / lr for k in params}
        problem = _compare(moved, {k: (params[k] - want[k]) / lr for k in params}, len(X))
        if problem:
            return Feedback(
                False, f"over one pass of {len(X)} samples, as (old - new) / lr: {problem}"
            )
    return Feedback(
        True, "each sample's step is gradient descent on its squared error, for 2 and 3 units."
    )


# --- field-guide ---------------------------------------------------------------------------


@_guarded
def check_sum_factor(value, n=4):
    """The factor the doctor reports when a gradient sums over the n samples a mean-loss's
    gradient averages over: yours / true."""
    return _numeric(
        value,
        n,
        "the factor",
        "it matches the doctor's constant factor.",
        "How does a sum of n terms relate to their mean?",
        [
            (1 / n, "that is true / yours; the doctor reports yours / true, and yours is larger."),
            (1.0, "a ratio of 1 means no error; the sum is not the mean."),
        ],
        rtol=1e-6,
    )


def _doctor(case):
    from ..doctor.report import doctor

    try:
        return doctor(**case)
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        raise _Refused(f"the doctor could not run it: {type(exc).__name__}: {exc}") from None


@_guarded
def check_sign_flip_w2(case):
    """Check doctor keyword arguments `case` whose gradient makes the doctor report one
    finding: a sign flip in W2 and in no other array."""
    if not isinstance(case, dict):
        return Feedback(
            False, f"pass the dict of doctor's keyword arguments, got {_describe(case)}."
        )
    diagnosis = _doctor(case)
    if diagnosis.codes == ["sign_flip"] and diagnosis.findings[0].title.endswith(" in W2"):
        return Feedback(True, "the doctor reports a sign flip in W2 and nothing else.")
    if diagnosis.healthy:
        return Feedback(False, "the doctor found nothing: your gradient is still the true one.")
    if "sign_flip" in diagnosis.codes:
        return Feedback(False, f"a sign flip, but not in W2 alone: {diagnosis.findings[0].title}.")
    titles = "; ".join(f.title for f in diagnosis.findings)
    return Feedback(False, f"the doctor found something else: {titles}.")


@_guarded
def check_adapter(adapter):
    """Check an adapter for class-based code: doctor keyword arguments `adapter` (params, loss,
    grad, X, y, and predict) for a *correct* network, which the doctor must find healthy
    without the adapter changing the params."""
    needed = ("params", "loss", "grad", "predict", "X", "y")
    if not isinstance(adapter, dict) or any(k not in adapter for k in needed):
        return Feedback(False, f"the adapter must be a dict with the keys {list(needed)}.")
    if not isinstance(adapter["params"], dict):
        return Feedback(False, "adapter['params'] must be a dict of arrays.")
    before = {k: np.array(v, dtype=float, copy=True) for k, v in adapter["params"].items()}
    diagnosis = _doctor(adapter)
    if any(not np.array_equal(before[k], adapter["params"][k]) for k in before):
        return Feedback(False, "the params changed: let the update work on a copy of the net.")
    if diagnosis.healthy:
        return Feedback(True, "the doctor finds the network healthy through your adapter.")
    codes = set(diagnosis.codes)
    if "constant_scale" in codes:
        why = "the implied gradient is off by a constant: pass implied_gradient the same lr"
        return Feedback(False, why + " the update uses.")
    if "sign_flip" in codes or "update_climbs" in codes:
        return Feedback(False, "the gradient points uphill: it is (before - after) / lr.")
    if codes & {"wrong_gradient", "data_factor", "zero_gradient"}:
        return Feedback(
            False,
            "loss and grad disagree: do both read the params they are given, through the same "
            "network?",
        )
    return Feedback(False, f"the doctor reports: {diagnosis.findings[0].title}.")
