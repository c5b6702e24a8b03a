"""Small helpers for calling and reading a reader's code: prints swallowed, numpy's global
random state seeded, an object's generators advanced, a parameter path followed, a
function's keywords, a broadcast step averaged back."""

import contextlib
import copy
import inspect
import io
import numbers

import numpy as np


def quiet(fn, *args, **kw):
    """Call fn with its prints swallowed (learners print the loss every few epochs)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args, **kw)


@contextlib.contextmanager
def seeded(seed):
    """numpy's global random state seeded with `seed` (the reader's code may draw from it),
    and restored afterwards."""
    state = np.random.get_state()
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) and seed >= 0:
        np.random.seed(seed % 2**32)  # a bad seed is refused by `read`, with its fix
    try:
        yield
    finally:
        np.random.set_state(state)


def step_into(value, part):
    """One step of a parameter path: a dict key, a list index or an attribute."""
    if isinstance(value, dict):
        return value[part]
    if isinstance(value, (list, tuple)):
        return value[int(part)]
    return getattr(value, part)


def stored_kind(value):
    """What the reader stored as a parameter: (shape, dtype, was a plain Python number)."""
    arr = np.asarray(value)
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
        raise TypeError(f"a parameter must be numeric, got {type(value).__name__}")
    return arr.shape, arr.dtype, isinstance(value, numbers.Number)


def keywords(fn):
    """The keyword parameters of fn: name -> default (`inspect.Parameter.empty` if none)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return {}
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return {q.name: q.default for q in params if q.kind in kinds}


def reduce_to(d, shape):
    """Average a broadcast array back to `shape` (a step that changed a parameter's shape)."""
    while d.ndim > len(shape):
        d = d.mean(axis=0)
    axes = tuple(i for i, (a, b) in enumerate(zip(d.shape, shape)) if b == 1 and a != 1)
    d = d.mean(axis=axes, keepdims=True) if axes else d  # pragma: no mutate (mean over no axis: d)
    return np.broadcast_to(d, shape)


def advanced(obj, t):
    """A deep copy of the reader's object whose random generators have drawn `t` numbers
    more (numpy's global state moves on by itself from call to call)."""
    twin = copy.deepcopy(obj)
    for value in _values(twin):
        if isinstance(value, (np.random.Generator, np.random.RandomState)):
            value.random(t)
    return twin


def rebind(obj, old, new):
    """Put `new` wherever the object holds the array `old` itself: its attributes (or a
    dict's values), one level into the dicts and lists among them."""
    top = obj if isinstance(obj, dict) else getattr(obj, "__dict__", {})
    for holder in [top, *(v for v in top.values() if isinstance(v, (dict, list)))]:
        keys = holder.keys() if isinstance(holder, dict) else range(len(holder))
        for key in list(keys):
            if holder[key] is old:
                holder[key] = new


def _values(obj):
    """The values an object holds: attributes (or a dict's values), one level into dicts
    and lists."""
    top = (
        list(obj.values()) if isinstance(obj, dict) else list(getattr(obj, "__dict__", {}).values())
    )
    inner = [v for x in top if isinstance(x, dict) for v in x.values()]
    return top + inner + [v for x in top if isinstance(x, list) for v in x]
