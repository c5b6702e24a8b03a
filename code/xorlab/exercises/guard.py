"""The answer guard that every self-check goes through, and the verdict it returns.

Whatever the answer is (None, NaN, a string, a ragged list, a function that raises or returns
None, or one of xorlab's own reference functions), the learner gets a `Feedback` naming the
problem, never a traceback: the readers (`as_number`, `as_array`, `as_params`, `call`) raise
`Refused`, and `guarded` turns it into the verdict. No message states the expected answer, and
none says "too large" or "too small" for a number (that would let anyone find it by
bisection); a message may name a known mistake.
"""

import functools
import types
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKAGE_DIR = str(Path(__file__).resolve().parents[1])
"""The folder of xorlab's own code: a learner's function whose code lives there is refused."""

XORLAB_REFERENCES = {
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
    "no_bias_weights",
    "representable",
    "saturated",
    "hidden_saturation",
    "layer_statistics",
    "dead_units",
    "linear_on_data",
    "activation_pattern",
    "dead_fraction",
}
"""Names of xorlab functions that compute what an exercise asks for: a learner's function that
calls one of them is refused (the grader's kernel watches for the same names)."""

CHAPTER_REFERENCES = {"loss_and_grads", "fixed_grads"}
"""Names of the chapters' own reference helpers, refused in the same way."""


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


class Refused(Exception):
    """An answer the check cannot use; its message is the feedback."""


def guarded(check):
    """Turn a `Refused` raised anywhere inside `check` into `Feedback(False, message)`."""

    @functools.wraps(check)
    def run(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except Refused as why:
            return Feedback(False, str(why))

    return run


def describe(value):
    """A short, safe description of any value, for messages."""
    text = repr(value)
    return text if len(text) <= 40 else f"a {type(value).__name__}"


# --- reading the answer -------------------------------------------------------------------


def as_number(value, name):
    """`value` as one finite float, or `Refused` saying what is wrong with it."""
    if value is None:
        raise Refused(f"{name} is None: store your number in it, then run the check again.")
    if isinstance(value, (bool, np.bool_)):
        raise Refused(f"{name} is {value}, a truth value; the answer is a number.")
    if isinstance(value, str):
        raise Refused(f"{name} is the string {describe(value)}; give a number, not text.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Refused(f"{name} must be a number, got {describe(value)}.") from None
    if arr.size != 1:
        raise Refused(f"{name} must be one number, got an array of shape {arr.shape}.")
    v = float(arr.ravel()[0])
    if np.isnan(v):
        raise Refused(f"{name} is NaN: something divided 0 by 0 or took log of a negative.")
    if not np.isfinite(v):
        raise Refused(f"{name} is infinite: something overflowed or divided by zero.")
    return v


def as_array(value, shape, name):
    """`value` as a finite float array of exactly `shape`, or `Refused` naming the problem."""
    if value is None:
        raise Refused(f"{name} is None; it must be an array of shape {shape}.")
    if isinstance(value, str):
        raise Refused(f"{name} is a string; it must be an array of shape {shape}.")
    try:
        arr = np.array(value, dtype=float)
    except (TypeError, ValueError):
        raise Refused(
            f"{name} cannot be read as an array of numbers (ragged rows or non-numbers?); "
            f"it must have shape {shape}."
        ) from None
    if arr.shape != tuple(shape):
        raise Refused(f"{name} has shape {arr.shape}; it must be {tuple(shape)}.")
    if not np.isfinite(arr).all():
        raise Refused(f"{name} contains NaN or inf: did something overflow or divide by zero?")
    return arr


def as_params(value, shapes, name="params"):
    """A dict with exactly the keys of `shapes`, each a finite array of its shape."""
    if not isinstance(value, dict):
        raise Refused(f"{name} must be a dict with keys {list(shapes)}, got {describe(value)}.")
    missing = [k for k in shapes if k not in value]
    if missing:
        raise Refused(f"{name} is missing {missing}; it needs {list(shapes)}.")
    return {k: as_array(value[k], s, f"{name}[{k!r}]") for k, s in shapes.items()}


# --- calling the learner's function ---------------------------------------------------------


def _is_xorlab(obj):
    module = getattr(obj, "__module__", None) or ""  # pragma: no mutate (any non-xorlab default)
    return module == "xorlab" or module.startswith("xorlab.")


def _names_in(code):
    """Every global or attribute name that `code` or a function nested in it reads."""
    names, stack = set(), [code]
    while stack:
        c = stack.pop()
        names |= set(c.co_names)
        stack += [k for k in c.co_consts if isinstance(k, types.CodeType)]
    return names


def _references_used(fn, depth=3):
    """The reference functions `fn`'s code calls, following the learner's own helpers: a name
    bound (in its globals, its closure or a default argument) to an xorlab reference, however
    named, or to a chapter reference helper, or an attribute (like `xl.bce_grad`) named like an
    xorlab reference."""
    code = getattr(fn, "__code__", None)
    if code is None or depth == 0:
        return set()
    bound, used = dict(getattr(fn, "__globals__", {})), set()
    for var, cell in zip(code.co_freevars, getattr(fn, "__closure__", None) or ()):
        try:
            bound[var] = cell.cell_contents
        except ValueError:  # an empty cell
            continue
    for name in _names_in(code) | set(code.co_freevars):
        used |= _references_in(name, bound.get(name), fn, depth)
    defaults = getattr(fn, "__defaults__", None) or ()
    kwdefaults = getattr(fn, "__kwdefaults__", None) or {}
    for value in (*defaults, *kwdefaults.values()):  # def f(p, y, g=xl.bce_grad)
        used |= _references_in(
            "",  # pragma: no mutate (a default has no name; any non-reference name is the same)
            value,
            fn,  # pragma: no mutate (None is the same: a default is never fn itself)
            depth,
        )
    return used


def _references_in(name, obj, fn, depth):
    """The references that `obj`, read under `name` by `fn`, is or calls (see
    `_references_used`); None stands for a name bound to nothing, like an attribute's."""
    target = obj.func if isinstance(obj, functools.partial) else obj
    if obj is None or obj is fn or (_is_xorlab(target) and callable(target)):  # fn: xl.<its name>
        return {name, getattr(target, "__name__", None)} & XORLAB_REFERENCES
    if name in CHAPTER_REFERENCES:
        return {name}
    if getattr(target, "__code__", None) is not None:  # functions, methods
        return _references_used(target, depth - 1)
    return set()


def refuse_reference(fn, name):
    """Refuse xorlab's own functions, and functions that call them or the chapters' reference
    helpers, as an answer: the exercise asks the learner to write the function."""
    target = getattr(fn, "func", fn)  # functools.partial
    target = getattr(target, "__func__", target)  # pragma: no mutate: a method forwards the rest
    if _is_xorlab(target):
        raise Refused(f"{name} is one of xorlab's own functions; write it yourself.")
    code = getattr(target, "__code__", None)
    if code is not None and code.co_filename.startswith(PACKAGE_DIR):
        raise Refused(f"{name} runs xorlab's own code; write it yourself.")
    used = _references_used(target)
    if used:
        raise Refused(
            f"{name} calls {', '.join(sorted(used))}, a reference this exercise asks you to "
            "replace; write that part yourself."
        )


def call(fn, args, name):
    """Call the learner's `fn(*args)` on copies of `args`; `Refused` for every failure."""
    if fn is None:
        raise Refused(f"{name} is None: define the function, run its cell, then this check.")
    if not callable(fn):
        raise Refused(f"{name} must be a function, got {describe(fn)}.")
    refuse_reference(fn, name)
    copies = [a.copy() if isinstance(a, (np.ndarray, dict)) else a for a in args]
    copies = [{k: v.copy() for k, v in a.items()} if isinstance(a, dict) else a for a in copies]
    try:
        with np.errstate(all="ignore"):
            got = fn(*copies)
    except NotImplementedError:
        raise Refused(f"{name} is still the stub: write its body, then run the check.") from None
    except Exception as exc:  # the learner's code may fail in any way; report it kindly
        raise Refused(f"calling {name} raised {type(exc).__name__}: {exc}") from None
    if got is None:
        raise Refused(f"{name} returned None: is a `return` missing?")
    return got


# --- the verdict on a number ------------------------------------------------------------------


def judge_number(value, expected, name, right, hint, mistakes=(), rtol=1e-3):
    """The verdict on a number: `right` when within `rtol` of `expected`; else the message of the
    first known mistake [(value, message)] it matches; else `hint`. Never states `expected`."""
    v = as_number(value, name)

    def close(a, b):
        return np.isclose(a, b, rtol=rtol, atol=1e-12)

    if close(v, expected):
        return Feedback(True, right)
    for wrong, message in mistakes:
        if close(v, wrong):
            return Feedback(False, f"{name} = {v:.4g}: {message}")
    return Feedback(False, f"{name} = {v:.4g} is not it. {hint}")


def check_number(value, expected, name="your answer", rtol=1e-3):
    """Check a number against the expected value, with a relative tolerance `rtol`."""
    hint = "Go back over the steps that lead to it."
    return judge_number(value, expected, name, f"{name} matches.", hint, rtol=rtol)
