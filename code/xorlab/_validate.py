"""Input checks shared by the public functions: clear errors instead of deep numpy tracebacks."""

import numbers
from dataclasses import dataclass

import numpy as np


@dataclass
class Limits:
    """Bounds on one training call, so a typo (epochs=10**9) fails at once instead of running
    for days. `networks`: most networks trained at once (their arrays take about 1 GB at
    2-10-1); `steps`: most gradient steps run in Python (epochs, times the samples in "sample"
    mode); `work`: most epochs x networks x samples x parameters, about ten minutes on one core.
    Raise one if you mean it: `xorlab.LIMITS.work = 1e12`."""

    networks: int = 200_000
    steps: int = 2_000_000
    work: float = 5e10


LIMITS = Limits()


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


def network(net, what):
    """Raise unless `net` is an `MLP` (imported late: mlp imports this module)."""
    from .mlp import MLP

    if not isinstance(net, MLP):
        raise TypeError(
            f"{what} needs an xorlab.MLP, got {type(net).__name__}; for a network of your own "
            "code, use xl.check_gradients or xl.doctor with its functions"
        )
    return net
