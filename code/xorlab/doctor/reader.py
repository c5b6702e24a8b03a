"""The reader's implementation as the doctor uses it: their functions checked on every call,
with errors that name the fix, and gathered in a `Reader` with their data and settings."""

import copy as _copy
import types
from dataclasses import dataclass

import numpy as np

from ..core import _validate

MAX_EPOCHS = 100_000


def implied_gradient(update, params, lr):
    """Turn an update-in-place backward pass into a gradient function.

    `update(params)` returns the parameters after one training step of the reader's code (on a
    copy); the gradient it implies is (before - after) / lr. A step that climbs shows up as the
    negative gradient. For a whole epoch of per-sample or mini-batch steps use `xorlab.adapt`,
    which replays one sample at a time.
    """
    _validate.positive(lr, "lr")

    def grad(p):
        after = update({k: v.copy() for k, v in p.items()})
        return {k: (p[k] - after[k]) / lr for k in p}

    return grad


def copy(params):
    """A copy of a params dict (the reader's functions never see the doctor's arrays)."""
    return {k: v.copy() for k, v in params.items()}


def flatten(arrays):
    """Arrays joined in the order given into one float64 vector: (their total size,)."""
    return np.concatenate([np.asarray(a, dtype=np.float64).ravel() for a in arrays])


def lossless(Z, dtype):
    """Z (any shape) cast to `dtype` when that holds its values exactly (whole numbers in the
    range of an integer dtype), else Z as it is."""
    with np.errstate(invalid="ignore"):
        cast = Z.astype(dtype)
    return cast if np.array_equal(cast, Z) else Z


def _call_loss(loss, p):
    value = loss(copy(p))
    if isinstance(value, np.ndarray) and value.shape != ():
        raise TypeError(
            f"loss(params) returned an array of shape {value.shape}; return one number: "
            "float(value.item()) or float(np.mean(...))"
        )
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"loss(params) must return a number, got {type(value).__name__}") from None


def _call_grad(grad, params):
    g = grad(copy(params))
    if isinstance(g, (tuple, list)):
        raise TypeError(
            f"grad(params) returned a {type(g).__name__} of {len(g)} items; return a dict keyed "
            f"like params, e.g. dict(zip({list(params)}, grads))"
        )
    if not isinstance(g, dict):
        raise TypeError(f"grad(params) must return a dict of arrays, got {type(g).__name__}")
    missing = [k for k in params if k not in g]
    if missing:
        raise ValueError(f"grad(params) returned no gradient for {missing}")
    out = {}
    for k, v in params.items():
        if g[k] is None:
            raise TypeError(
                f"grad(params)[{k!r}] is None: return an array shaped like params[{k!r}] {v.shape}"
            )
        a = np.asarray(g[k], dtype=np.float64)
        if a.shape != v.shape:
            raise ValueError(
                f"grad(params)[{k!r}] has shape {a.shape} but params[{k!r}] has "
                f"{v.shape}; return one gradient entry per parameter entry"
            )
        out[k] = a
    return out


def _twin(value):
    """A deep copy of value, or value itself when it cannot be copied (a module, a lock)."""
    try:
        return _copy.deepcopy(value)
    except Exception:  # noqa: BLE001  (any object may refuse: share it then)
        return value


def _fresh(step):
    """A copy of the reader's step with its own state: the object of a bound method or a
    callable object, the cells of a closure and mutable defaults copied (a velocity, Adam's
    moments and counter, a schedule's epoch). A plain function's globals stay shared."""
    if isinstance(step, types.MethodType):
        return types.MethodType(step.__func__, _twin(step.__self__))
    if not isinstance(step, types.FunctionType):
        return _twin(step)
    cells = tuple(types.CellType(_twin(c.cell_contents)) for c in step.__closure__ or ())
    twin = types.FunctionType(
        step.__code__,
        step.__globals__,
        step.__name__,  # pragma: no mutate (None: the code's name; the doctor never reads it)
        _twin(step.__defaults__),
        cells or None,
    )
    twin.__kwdefaults__ = _twin(step.__kwdefaults__)
    twin.__dict__.update(step.__dict__)
    return twin


def _runs(step):
    """The reader's step as the doctor runs it: a run (each step taking what the last one
    returned) continues one copy of the step and its state, any other params start a run
    from a fresh copy of the step as given; the reader's own step is never called."""
    pristine, last, current = _fresh(step), None, None

    def run(p, g):
        nonlocal last, current
        if (
            last is None
            or last.keys() != p.keys()
            or any(not np.array_equal(p[k], last[k]) for k in p)
        ):
            current = _fresh(pristine)
        new = current(p, g)
        last = {k: np.array(v) for k, v in new.items()} if isinstance(new, dict) else None
        return new

    run.afresh = lambda p, g: _fresh(pristine)(p, g)
    return run


def _checked_step(step, params):
    """`step` with its result checked: a dict holding a numeric array for every parameter (a
    changed shape is allowed: the doctor reports it). Keeps `ignores_grads`, `afresh` (one
    step from a fresh copy of the reader's step: its state as at the start), and the
    adapter's `later`, `reshaped`, `mapped`, `exact`, `on_inputs`, `floats` and `probe`."""

    def checked(p, g):
        new = step(p, g)
        if not isinstance(new, dict):
            raise TypeError(
                f"step(params, grads) must return the new params as a dict keyed like params, "
                f"got {type(new).__name__}; e.g. return {{k: p[k] - lr * g[k] for k in p}}"
            )
        missing = [k for k in params if k not in new]
        if missing:
            raise ValueError(
                f"step(params, grads) returned no new value for {missing}; return every "
                f"parameter, changed or not"
            )
        for k in params:
            arr = np.asarray(new[k])
            if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
                raise TypeError(
                    f"step(params, grads)[{k!r}] must be a numeric array, got "
                    f"{type(new[k]).__name__} of dtype {arr.dtype}"
                )
        return new

    checked.ignores_grads = getattr(step, "ignores_grads", False)
    afresh = getattr(step, "afresh", None)
    if afresh is not None:
        checked.afresh = lambda p, g: afresh(p, g)
        checked.afresh.ignores_grads = checked.ignores_grads
    checked.later = getattr(step, "later", None)  # the adapter's probe of a run's later update
    checked.reshaped = getattr(step, "reshaped", None)  # the adapter's run with y reshaped
    checked.mapped = getattr(step, "mapped", None)  # ... with y mapped onto [0, 1]
    checked.exact = getattr(step, "exact", None)  # the adapter's run with float64 weights
    checked.on_inputs = getattr(step, "on_inputs", None)  # the adapter's run on other inputs
    checked.floats = getattr(step, "floats", None)  # ... on integer inputs as float64
    checked.probe = getattr(step, "probe", None)  # the adapter's measure of its first epochs
    checked.per_sample = getattr(step, "per_sample", None)  # ... of one-sample epochs
    return checked


def _call_predict(predict, p, Z, k):
    out = np.asarray(predict(copy(p), Z), dtype=np.float64)
    m = Z.shape[0]
    if out.shape == (m, k):
        return out
    if out.shape == (m,) and k == 1:
        raise ValueError(
            f"predict returned shape {out.shape}, y has shape (n, 1): return a "
            "column, out.reshape(-1, 1)"
        )
    if out.shape == (k, m):
        raise ValueError(
            f"predict returned shape {out.shape}: samples as columns? return out.T,"
            f" shape ({m}, {k}) like y"
        )
    raise ValueError(
        f"predict returned shape {out.shape} for {m} inputs; expected ({m}, {k}), the shape of y"
    )


def moved(params, sign):
    """params with every entry moved by `sign` * 0.5 of a fixed pattern (cos 1, cos 2, ...)."""
    return {
        k: v + sign * 0.5 * np.cos(np.arange(v.size) + 1.0).reshape(v.shape)
        for k, v in params.items()
    }


def _moves(predicted, params, X):
    """Refuse a predict whose outputs on X do not change when every parameter is moved
    (`moved`, both ways): it does not compute them from the params it is given. Outputs
    that are one number everywhere are the model's (`capacity.constant` reports them)."""
    out = predicted(params, X)
    if np.all(out == out.flat[0]) or any(
        not np.array_equal(predicted(moved(params, sign), X), out) for sign in (1.0, -1.0)
    ):
        return
    raise ValueError(
        "predict's outputs do not change when the parameters do: it must compute them from "
        "the params it is given (with xorlab.adapt: the forward method of the weights your "
        "training changes, e.g. predict='forward', not one that predicts with other weights "
        "such as an averaged copy)"
    )


def _params(params):
    if not isinstance(params, dict) or not params:
        raise TypeError("params must be a non-empty dict of name -> numeric array")
    out = {}
    for k, v in params.items():
        if v is None:
            raise TypeError(f"params[{k!r}] is None: give every parameter an array")
        arr = np.asarray(v)
        if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
            raise TypeError(f"params[{k!r}] must be a numeric array, got dtype {arr.dtype}")
        arr = np.asarray(arr, dtype=np.float64)
        if not np.all(np.isfinite(arr)):
            raise ValueError(
                f"params[{k!r}] contains NaN or infinite values, so no gradient or loss can be "
                "checked; give the weights the program starts from (before training diverged)"
            )
        out[k] = arr
    return out


def _targets(y, n):
    arr = np.asarray(y)
    if arr.ndim == 1 and arr.shape[0] == n:
        raise ValueError(
            f"y has shape {arr.shape}: give the targets as a column, "
            "y.reshape(-1, 1), shaped like the outputs (n, k)"
        )
    return _validate.as_matrix(y, "y")


def _check_inputs(loss, grad, predict, step, lr, epochs, seed):
    for name, fn in (("grad", grad), ("predict", predict), ("step", step), ("loss", loss)):
        if fn is not None and not callable(fn):
            raise TypeError(
                f"{name} must be a function of the params dict, got {type(fn).__name__}"
            )
    if grad is None:
        raise TypeError("grad must be a function of the params dict, got None")
    if loss is None and predict is None:
        raise TypeError(
            "give loss(params), or predict(params, X) so the doctor can use a "
            "standard loss of the outputs"
        )
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True)
    if epochs > MAX_EPOCHS:
        raise ValueError(
            f"epochs must be at most {MAX_EPOCHS:,} (the doctor's run is a probe), got {epochs:,}"
        )
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")


@dataclass
class Reader:
    """The reader's implementation, checked: `params` (float64 copies), `grads` (the gradient
    at params), `gradient(p)`, `printed(p)` (the loss the reader prints, or None),
    `predict(p, Z) -> (m, k)` (or None), `step(p, g)`, the data X: (n, d_in) and y: (n, k),
    `lr`, `epochs` (and whether the reader gave them), the `rng` of the probes, the printed
    loss at the start (`start_value`, None without a printed loss), `floor`, the absolute
    agreement below which finite differences cannot tell a gradient apart, and whether the
    gradient was read off the reader's update (`implied`, see `gradient.agrees`)."""

    params: dict
    grads: dict
    gradient: object
    printed: object
    predict: object
    step: object
    X: np.ndarray
    y: np.ndarray
    lr: float
    epochs: int
    epochs_given: bool
    rng: np.random.Generator
    start_value: float | None
    floor: float
    implied: bool = False


def read(params, loss, grad, X, y, predict, step, lr, epochs, seed):
    """Check the arguments of `doctor` and wrap the reader's functions: a `Reader`. Calls
    grad, then predict and the loss once, at params, so that a wrong output is named now."""
    epochs_given = epochs is not None
    epochs = 300 if epochs is None else epochs
    _check_inputs(loss, grad, predict, step, lr, epochs, seed)
    params = _params(params)
    X = _validate.as_matrix(X, "X")
    y = _targets(y, X.shape[0])
    _validate.same_rows(X, y)

    def gradient(p):
        return _call_grad(grad, p)

    def predicted(p, Z):
        return _call_predict(predict, p, Z, y.shape[1])

    def printed(p):
        return _call_loss(loss, p)

    grads = gradient(params)
    if predict is not None:
        _moves(predicted, params, X)  # a clear error now for a wrong output shape, or fixed outputs
    start_value = None if loss is None else printed(params)
    if step is None:
        step = _checked_step(lambda p, g: {k: p[k] - lr * g[k] for k in p}, params)
    elif getattr(step, "ignores_grads", False):  # pragma: no mutate (None is False here)
        # xorlab.adapt's, which keeps its own runs
        step = _checked_step(step, params)
    else:
        step = _checked_step(_runs(step), params)
    return Reader(
        params,
        grads,
        gradient,
        None if loss is None else printed,
        None if predict is None else predicted,
        step,
        X,
        y,
        lr,
        epochs,
        epochs_given,
        np.random.default_rng(seed),
        start_value,
        1e-8 * max(1.0, abs(start_value or 0.0)),  # pragma: no mutate (or 1.0: the same)
    )
