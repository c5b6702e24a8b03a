"""Input checks shared by the public functions: clear errors instead of deep numpy tracebacks."""

import numbers
from dataclasses import dataclass

import numpy as np


@dataclass
class Limits:
    """Bounds on one call, estimated before the work starts, so a typo (epochs=10**9,
    sizes=(10**9, 1)) fails at once instead of running for days or filling the memory.
    `networks`: most networks trained at once (their arrays take about 1 GB at 2-10-1);
    `steps`: most gradient steps run in Python (epochs, times the samples in "sample" mode);
    `work`: most epochs x networks x samples x parameters, about ten minutes on one core;
    `memory`: most bytes of arrays one call may hold (`memory_needed` estimates them);
    `evaluations`: most loss evaluations of one gradient check (4 per parameter entry).
    Raise one if you mean it: `xorlab.LIMITS.work = 1e12`."""

    networks: int = 200_000
    steps: int = 2_000_000
    work: float = 5e10
    memory: float = 4e9
    evaluations: int = 100_000


LIMITS = Limits()


def memory_needed(networks, parameters, samples=0, units=0):
    """Estimated bytes of float64 arrays held while training `networks` networks of
    `parameters` parameters each on `samples` samples, `units` = the sum of the layer widths:
    six copies of the parameters (start, current, gradient, the result's copies, temporaries)
    and four of every unit's value per sample (pre-activations, activations, errors, products)."""
    return 8.0 * networks * (6 * parameters + 4 * samples * units)


def memory(nbytes, what):
    """Refuse a call whose arrays would take more than `LIMITS.memory` bytes."""
    if nbytes > LIMITS.memory:
        raise ValueError(
            f"{what} would need about {nbytes / 1e9:,.1f} GB of memory, more than "
            f"xorlab.LIMITS.memory = {LIMITS.memory / 1e9:g} GB; use a smaller network or fewer "
            f"networks, or raise the bound if you have the memory: "
            f"xl.LIMITS.memory = {10 ** np.ceil(np.log10(nbytes)):.0e}"
        )


def as_matrix(a, name, cols=None):
    """Return `a` as a finite float64 array of shape (n, cols); raise a named error otherwise."""
    if isinstance(a, str) or a is None:
        raise TypeError(f"{name} must be a numeric array, not {type(a).__name__}")
    arr = np.asarray(a)
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise TypeError(f"{name} must hold numbers, but its dtype is {arr.dtype}")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, but its dtype is {arr.dtype}")
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D with shape (n, {cols or 'd'}), got shape {arr.shape}")
    if cols is not None and arr.shape[1] != cols:
        raise ValueError(f"{name} must have {cols} column(s), got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape})")
    arr = arr.astype(np.float64)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or infinite values")
    return arr


def same_shape(p, y, names=("p", "y")):
    """Return `p`, `y` as arrays, refusing shapes that would broadcast into a wrong answer.

    p, y: (n, k); or, for a stack of m networks, p: (n, k, m) and y: (n, k, m) or (n, k, 1).
    (n,) against (n, 1) would broadcast to (n, n) and mean nothing, so it is refused.
    """
    a, b = np.asarray(p), np.asarray(y)
    stacked = a.ndim == 3 and b.ndim == 3 and b.shape[2] == 1 and a.shape[:2] == b.shape[:2]
    if a.shape != b.shape and not stacked:
        pn, yn = names
        fix = (
            f"{yn}.reshape({pn}.shape)"
            if a.size == b.size
            else f"a {yn} with one row per row of {pn}"
        )
        raise ValueError(
            f"{pn} has shape {a.shape} but {yn} has shape {b.shape}; they must match (numpy "
            f"would broadcast them into a wrong answer); pass {fix}"
        )
    return a, b


def same_rows(X, y):
    """Raise if X and y disagree on the number of samples."""
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has {y.shape[0]}; they must match")


def choice(value, options, name):
    """Return `value` if it is one of `options` (a dict or sequence of names), else raise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, one of {sorted(options)}; got {value!r}")
    if value not in options:
        raise ValueError(f"unknown {name} {value!r}; choose one of {sorted(options)}")
    return value


def positive(value, name, integer=False, allow_zero=False):
    """Return a positive (or non-negative) finite number, checked."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"{name} must be {'an integer' if integer else 'a number'}, got {value!r}")
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be finite and {bound}, got {value!r}")
    return value


def sizes(value):
    """Return layer sizes as a tuple of positive ints, at least (d_in, d_out)."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise TypeError(
            f"sizes must be a sequence of layer widths such as (2, 2, 1), got {value!r}"
        )
    if len(value) < 2:
        raise ValueError(f"sizes needs at least an input and an output width, got {value!r}")
    for s in value:
        positive(s, "every entry of sizes", integer=True)
    return tuple(int(s) for s in value)


def seed(value, name="seed"):
    """Return a seed checked to be a non-negative integer (not a bool)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a non-negative integer, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return int(value)


def targets(y, loss):
    """Raise unless targets `y` suit `loss`: binary cross-entropy needs every y in [0, 1]."""
    if loss == "bce" and (y.min() < 0 or y.max() > 1):
        bad = y[(y < 0) | (y > 1)]
        raise ValueError(
            f"binary cross-entropy needs targets in [0, 1] (probabilities), but y holds "
            f"{bad.size} value(s) outside it, e.g. {bad.flat[0]:g}; rescale y, or use loss='mse'"
        )
    return y


def finite_params(params, what):
    """Raise if any array of the parameter dict `params` holds NaN or infinity."""
    for name, w in params.items():
        w = np.asarray(w)
        if np.issubdtype(w.dtype, np.number) and not np.all(np.isfinite(w)):
            raise ValueError(
                f"{what}: parameter {name!r} holds {np.sum(~np.isfinite(w))} NaN or infinite "
                f"value(s), so every output computed from it is meaningless; training has "
                f"probably diverged: start again from fresh parameters with a smaller lr"
            )
    return params
