"""Adapt a reader's own network object (or dict) for the doctor, without touching it::

    case = xl.adapt(net, ["W1", "b1", "W2", "b2"], "train", X, y, predict="forward", lr="lr")
    print(xl.doctor(**case))

The reader names the parameter attributes, the training method (one epoch per call, updating
the weights in place or by rebinding them) and, optionally, the forward and loss methods. The
adapter never touches the reader's object: it works on deep copies. The training run is the
reader's run: consecutive epochs continue one copy, with the reader's dtypes, so momentum,
Adam moments, accumulators and schedules carry over (and integer weights truncate). The
gradient is that of one of the reader's real updates:

- when the learning rate is an attribute or keyword it can set, it counts the updates per
  epoch (the most samples one call takes in one update is where the step stops being exactly
  proportional to the rate) and divides a whole epoch at a tiny rate (first-order exact) by
  that count, so a sum where a mean belongs stays in the gradient and the doctor reports it;
- otherwise (a rate written in the code, or an update that is not proportional to its rate,
  such as one that reuses a value it has already changed) it takes the mean over one-sample
  epochs at the reader's rate: one sample makes one update whatever the loop.
"""

import copy
import inspect
import numbers

import numpy as np

from ..core import _validate
from .calls import keywords, quiet, reduce_to, seeded, step_into
from .findings import Finding
from .probe import at_rate_0, first_epochs

RELATIVE_PROBE_STEP = 1e-7  # the probe's step, relative to the largest weight


def adapt(
    obj,
    params,
    train,
    X,
    y,
    *,
    predict=None,
    loss=None,
    lr=None,
    columns=False,
    epochs=None,
    train_args=None,
):
    """Keyword arguments of `xorlab.doctor.report` for a reader's network `obj`.

    - obj: the reader's object (its attributes hold the parameters), or a dict of arrays.
      Deep-copied, never touched: state it holds (momentum, Adam moments in nested dicts such
      as p["m"]["W1"], counters, numbers such as p["lr"], a random generator) is copied with
      it and carried from epoch to epoch of the doctor's run; each probe starts from a fresh
      copy, its state as given (a generator draws what the object would draw next, so an
      epoch that samples its data gives the gradient of the samples drawn).
    - params: the parameter names, e.g. ["W1", "b1", "W2", "b2"] or "W1 b1 W2 b2"; a dotted
      path reaches into a dict or list attribute: "params.W1", "weights.0". One flat vector
      ("theta") works too: findings then name it, and no unit of it is compared (symmetric
      units are read from 2-D weight matrices).
    - train: the name of the method that trains one epoch, `obj.train(X, y)` (for a dict: a
      function `train(params, X, y)` that changes the dict's arrays).
    - X, y: the training data in the reader's own layout: X (n, d) and y (n, k) or (n,);
      with `columns=True`, samples are columns: X (d, n) and y (k, n) or (n,). X as the
      training method takes it (with its row or column of ones when biases are folded in);
      y the true labels, also when the code smooths them. The reader's functions get X and y
      as given (a uint8 or integer y stays so); the doctor gets float64 copies, X (n, d).
    - predict: the name of the forward method, `obj.forward(X) -> outputs` (a function
      `predict(params, X)` for a dict), computed from the weights named in `params` (not
      from other weights, such as an averaged copy: refused); enables the loss cross-check
      and capacity checks. With columns=True it gets inputs (d, m) and its (k, m) outputs
      are transposed back.
    - loss: the name of the method that returns the printed loss, `obj.loss(X, y)` (a
      function `loss(params, X, y)` for a dict), called with X and y as given; when omitted,
      the doctor finds the standard loss the gradient belongs to.
    - lr: the learning rate your code starts from: the name of an attribute (a key, for a
      dict; or a path such as "opt.lr") or of a keyword of `train` (its value from
      train_args, else its default), which the adapter sets only on its probe copies (a
      schedule runs as written); or the number written in the code (then the gradient is the
      mean over one-sample epochs, each from a fresh copy: momentum from a zero velocity
      makes a plain gradient step there).
    - columns: True when samples are columns (see X, y). The case passes it on as the
      doctor's `columns`, the weights' layout: (units, inputs) for True, (inputs, units) for
      False; for rows of data with weights (units, inputs), set case["columns"] = None.
    - epochs: the reader's number of epochs (the doctor's run is that long).
    - train_args: extra keyword arguments of `train`, e.g. {"epochs": 1}.

    The call already runs the reader's code, on copies: `train` twice (the integer-weights
    check behind "notes"), and `predict` once when y is (n,); its warnings print then.
    numpy's global random state is seeded with 0 meanwhile and restored afterwards, as in
    `doctor`.
    """
    with seeded(0):  # the reader's code runs here too: as `doctor` does, seeded and restored
        reader = _Reader(obj, params, train, X, y, predict, loss, lr, columns, train_args)
        case = {
            "params": reader.start(),
            "loss": reader.loss if loss is not None else None,
            "grad": reader.grad,
            "X": reader.X,
            "y": reader.y,
            "step": _stepper(reader),
            "lr": reader.lr_value,
            "notes": reader.notes(),
            "columns": columns,
            "implied": True,
        }
    if predict is not None:
        case["predict"] = reader.predict
    if epochs is not None:
        case["epochs"] = epochs
    return case


def _stepper(reader):
    """The reader's epoch as the doctor's step (it ignores grads), `afresh`, `later`,
    `reshaped` (flat targets shaped like 2-D outputs), `on_inputs(X)` (other inputs) and
    `exact` (float64 weights, when the reader's are coarser)."""
    step = lambda p, grads=None: reader.step(p)  # noqa: E731  (attributes follow)
    step.ignores_grads, step.afresh, step.later = True, reader.afresh, reader.later
    step.probe = lambda: first_epochs(reader)  # the first epochs measured, for `steps`
    step.on_inputs = lambda X: _on_inputs(reader, X)
    if reader.coarse():  # weights coarser than float64: the run with float64 weights
        step.exact = lambda p, grads=None: reader.step(p, exact=True)
        step.exact.dtypes = reader.coarse()
    column = reader.outputs_shaped()
    if column is not None:  # flat targets against 2-D outputs: the run with y reshaped
        step.reshaped = lambda p, grads=None: reader.step(p, y=column)
        step.reshaped.shapes = (reader.yr.shape, column.shape)
    return step


def _on_inputs(reader, X):
    """The reader's epoch on other inputs X: (n, d_in) (the doctor's layout), handed over in
    the reader's layout and float dtype: a step that ignores grads."""
    dtype = reader.Xr.dtype if np.issubdtype(reader.Xr.dtype, np.floating) else np.float64
    mine = np.asarray(X.T if reader.columns else X, dtype=dtype)
    step = lambda p, grads=None: reader.step(p, X=mine)  # noqa: E731  (an attribute follows)
    step.ignores_grads = True
    return step


class _Reader:
    """The reader's object behind the doctor's functions of a params dict."""

    def __init__(self, obj, params, train, X, y, predict, loss, lr, columns, train_args):
        self.obj, self.is_dict = obj, isinstance(obj, dict)
        self.names = params.split() if isinstance(params, str) else list(params)
        if not self.names:
            raise ValueError("params must name at least one parameter, e.g. ['W1', 'b1']")
        for name in self.names:
            try:
                self._get(obj, name)
            except (AttributeError, KeyError, IndexError, TypeError, ValueError):
                raise ValueError(
                    f"the object has no parameter {name!r}; params names its weight "
                    "attributes, e.g. ['W1', 'b1', 'W2', 'b2'], or paths into them: "
                    "'params.W1' for self.params['W1'], 'weights.0' for self.weights[0]"
                ) from None
        self.train_fn = self._function(train, "train")
        self.train_target = train if callable(train) else getattr(obj, train)
        self.predict_fn = None if predict is None else self._function(predict, "predict")
        self.loss_fn = None if loss is None else self._function(loss, "loss")
        self.columns, self.train_args = bool(columns), dict(train_args or {})
        self.Xr, self.yr = np.asarray(X), np.asarray(y)
        self._data_checks()
        self.kinds = {k: self._kind(self._get(obj, k)) for k in self.names}
        self._learning_rate(lr)
        self._runs = {}  # {(other targets, float64 weights): (last result, its object)}
        self._updates = None  # updates per epoch, counted once

    # -- the reader's object -------------------------------------------------------------
    def _function(self, name, role):
        if self.is_dict:
            if not callable(name):
                raise TypeError(f"for a dict of parameters, {role} must be a function")
            return name
        if callable(name):
            return lambda twin, *a, **kw: name(twin, *a, **kw)
        if not isinstance(name, str) or not callable(getattr(self.obj, name, None)):
            raise ValueError(f"{role}={name!r}: the object has no method of that name")
        return lambda twin, *a, **kw: getattr(twin, name)(*a, **kw)

    def _get(self, twin, name):
        """The value at `name`: an attribute (a key for a dict), or a dotted path through
        attributes, dict keys and list indices ('params.W1', 'weights.0')."""
        for part in self._path(name):
            twin = step_into(twin, part)
        return twin

    def _set(self, twin, name, value):
        *inner, last = self._path(name)
        for part in inner:
            twin = step_into(twin, part)
        if isinstance(twin, dict):
            twin[last] = value
        elif isinstance(twin, list):
            twin[int(last)] = value
        else:
            setattr(twin, last, value)

    def _path(self, name):
        if self.is_dict and name in self.obj:
            return [name]
        return name.split(".")

    @staticmethod
    def _kind(value):
        """What the reader stored: (shape, dtype, was a plain Python number)."""
        arr = np.asarray(value)
        if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
            raise TypeError(f"a parameter must be numeric, got {type(value).__name__}")
        return arr.shape, arr.dtype, isinstance(value, numbers.Number)

    def _load(self, p, keep_dtypes, source=None):
        """A deep copy of the reader's object (or of `source`, a copy of it) holding p."""
        twin = copy.deepcopy(self.obj if source is None else source)
        for k in self.names:
            shape, dtype, scalar = self.kinds[k]
            v = np.array(p[k], dtype=dtype if keep_dtypes else np.float64)
            self._set(twin, k, v.item() if scalar and v.shape == () else v)
        return twin

    def _read(self, twin):
        return {k: np.array(self._get(twin, k), dtype=np.float64) for k in self.names}

    # -- data ----------------------------------------------------------------------------
    def _data_checks(self):
        Xr, yr = self.Xr, self.yr
        if Xr.ndim != 2:
            raise ValueError(f"X must be 2-D, got shape {Xr.shape}")
        n = Xr.shape[1] if self.columns else Xr.shape[0]
        flat = yr.ndim == 1
        if yr.ndim not in (1, 2):
            raise ValueError(f"y must be 1-D or 2-D, got shape {yr.shape}")
        y_n = yr.shape[0] if flat else (yr.shape[1] if self.columns else yr.shape[0])
        if y_n != n:
            hint = " (samples as columns? pass columns=True)" if not self.columns else ""
            raise ValueError(f"X holds {n} samples but y holds {y_n}{hint}")
        X = Xr.T if self.columns else Xr
        y = yr.reshape(-1, 1) if flat else (yr.T if self.columns else yr)
        self.X = _validate.as_matrix(X, "X")
        self.y = _validate.as_matrix(y, "y")
        self.n = n

    def _samples(self, part):
        """The samples X[part], y[part] (`part` a slice) in the reader's layout, still 2-D
        (1-D for flat targets)."""
        X = self.Xr[:, part] if self.columns else self.Xr[part]
        if self.yr.ndim == 1:
            return X, self.yr[part]
        return X, self.yr[:, part] if self.columns else self.yr[part]

    # -- the learning rate ---------------------------------------------------------------
    def _learning_rate(self, lr):
        """The rate as the reader's code holds it: an attribute (a key of a dict, or a path
        such as 'opt.lr'), a keyword of `train` (from train_args or its default), a number."""
        self.lr_name, self.lr_is_attr = None, False
        if lr is None:
            raise ValueError(
                "name the learning rate: lr='lr' (the attribute or keyword your "
                "training method reads) or lr=0.1 (the number written in it)"
            )
        if not isinstance(lr, str):
            self.lr_value = float(_validate.positive(lr, "lr"))
            return
        self.lr_name = lr
        try:
            value, self.lr_is_attr = self._get(self.obj, lr), True
        except (AttributeError, KeyError, IndexError, TypeError, ValueError):
            value = self._keyword_rate(lr)
        self.lr_value = float(_validate.positive(value, f"the learning rate {lr!r}"))

    def _keyword_rate(self, name):
        """The value of `train`'s keyword `name`: train_args[name], else its default."""
        if name in self.train_args:
            return self.train_args[name]
        where = "key" if self.is_dict else "attribute"
        named = keywords(self.train_target)
        if name not in named:
            optional = [k for k, v in named.items() if v is not inspect.Parameter.empty]
            listed = ", ".join(repr(k) for k in optional) or "none"
            raise ValueError(
                f"lr={name!r}: the object has no {where} {name!r} and train has no keyword "
                f"{name!r} (its keywords: {listed}); name the {where} or keyword your "
                "training reads the rate from, or, if the rate is a number written in "
                "the code, pass that number as lr"
            )
        if named[name] is inspect.Parameter.empty:
            raise ValueError(
                f"lr={name!r}: train's keyword {name!r} has no default; give the rate you "
                f"train with in train_args={{{name!r}: <your rate>}}"
            )
        return named[name]

    def _train(self, twin, X, y, lr=None):
        """One call of the reader's training, at rate lr (None: the rate the twin holds)."""
        kw = dict(self.train_args)
        if self.lr_name and not self.lr_is_attr:
            kw[self.lr_name] = self.lr_value if lr is None else lr
        elif self.lr_is_attr and lr is not None:
            self._set(twin, self.lr_name, lr)
        quiet(self.train_fn, twin, X, y, **kw)
        return twin

    # -- what the doctor calls ----------------------------------------------------------
    def start(self):
        return self._read(self.obj)

    def step(self, p, grads=None, y=None, exact=False, X=None):
        """One epoch of the reader's own training, with the reader's dtypes and lr. Epochs that
        continue a run (p is what the last epoch returned) go on with the same copy of the
        reader's object, so momentum, Adam moments, accumulators and schedules carry over as in
        the reader's run; any other p starts a run from a fresh copy. `y`: other targets;
        `exact`: float64 weights; `X`: other inputs (each a run of its own)."""
        run = (y is not None, exact, X is not None)
        last, twin = self._runs.get(run, (None, None))
        if last is None or any(not np.array_equal(p[k], last[k]) for k in self.names):
            twin = self._load(p, keep_dtypes=not exact)
        X, y = self.Xr if X is None else X, self.yr if y is None else y
        after = self._read(self._train(twin, X, y))
        self._runs[run] = ({k: v.copy() for k, v in after.items()}, twin)
        return after

    def coarse(self):
        """{name: dtype} of the weights stored as floats coarser than float64 (float16,
        float32)."""
        kinds = {k: kind[1] for k, kind in self.kinds.items()}
        return {k: d for k, d in kinds.items() if np.issubdtype(d, np.floating) and d.itemsize < 8}

    def outputs_shaped(self):
        """y shaped like the reader's outputs, when it is flat and they are not; else None."""
        if self.predict_fn is None or self.yr.ndim != 1:
            return None
        out = np.shape(quiet(self.predict_fn, copy.deepcopy(self.obj), self.Xr))
        return self.yr.reshape(out) if len(out) == 2 and np.prod(out) == self.n else None

    def afresh(self, p, grads=None):
        """One epoch of the reader's training from a fresh copy of the reader's object: its
        state (momentum, moments, counters, schedule) as at the start."""
        return self._read(self._train(self._load(p, keep_dtypes=True), self.Xr, self.yr))

    def later(self, epochs):
        """A later update of the reader's run: `epochs` epochs of it on a private copy of the
        object, then the gradient one more epoch follows (at a tiny rate, on copies of the
        object as the run left it: its caches, counters, random state): (the weights reached,
        that gradient), or None when that epoch is not proportional to its rate (momentum,
        Adam) or the rate cannot be set."""
        if not self._updates:
            return None
        twin = copy.deepcopy(self.obj)
        with np.errstate(all="ignore"):
            for _ in range(epochs):
                self._train(twin, self.Xr, self.yr)
        p = self._read(twin)
        g = self._implied(p, twin)
        return None if g is None else (p, g)

    def _implied(self, p, twin):
        lr = self._probe_lr(p, self.Xr, self.yr)
        rates = (lr, 10 * lr)  # pragma: no mutate (any second rate shows proportionality)
        a, b = (self._displacement(p, self.Xr, self.yr, r, twin) for r in rates)
        a, b = ({k: d[k] / self._updates for k in self.names} for d in (a, b))
        gap = sum(float(np.sum((a[k] - b[k]) ** 2)) for k in self.names)
        return a if gap <= 1e-6 * sum(float(np.sum(a[k] ** 2)) for k in self.names) else None

    def predict(self, p, Z):
        twin = self._load(p, keep_dtypes=False)
        out = np.asarray(quiet(self.predict_fn, twin, Z.T if self.columns else Z), dtype=np.float64)
        if out.ndim == 1:
            return out.reshape(-1, 1)
        return out.T if self.columns else out

    def loss(self, p):
        twin = self._load(p, keep_dtypes=False)  # pragma: no mutate (None is False here)
        return quiet(self.loss_fn, twin, self.Xr, self.yr)

    def _displacement(self, p, X, y, lr, source=None):
        """(p - p') / lr for one call of the training method on (X, y), float64 weights, from
        a copy of the reader's object (or of `source`); p' - p(0) when the call moves the
        weights even at rate 0 (`probe.at_rate_0`): the gradient is what the rate multiplies."""
        after = self._read(self._train(self._load(p, False, source), X, y, lr))
        p = at_rate_0(self, p, X, y, source, after)
        # a step that broadcast an array is averaged back to its shape (the doctor reports it)
        reduced = {k: reduce_to((p[k] - after[k]) / lr, p[k].shape) for k in self.names}
        return {k: np.array(d, dtype=np.float64) for k, d in reduced.items()}

    def _probe_lr(self, p, X, y, relative=RELATIVE_PROBE_STEP):
        """A learning rate whose step on (X, y) is `relative` of the largest weight."""
        rough = self._displacement(p, X, y, 1e-3)  # pragma: no mutate
        g = max(float(np.abs(v).max()) for v in rough.values())
        w = max(max(float(np.abs(v).max()) for v in p.values()), 1e-2)  # pragma: no mutate
        # the guards below (smallest gradient, clip range) only size a tiny probe step
        lr = relative * w / max(g, 1e-12)  # pragma: no mutate
        return float(np.clip(lr, 1e-9, 1e3))  # pragma: no mutate

    def grad(self, p):
        """The gradient of one of the reader's updates, read off a whole epoch at a tiny rate
        and divided by the counted updates per epoch: a sum where a mean belongs stays in it.
        When updates cannot be counted (a rate written in the code, or a step that is not
        proportional to the rate even on one sample), the mean of one-sample epochs."""
        if self.lr_name is not None and self._updates is None:
            self._updates = self._count_updates(p)
        if not self._updates:
            single = [
                self._displacement(p, *self._samples(slice(i, i + 1)), self.lr_value)
                for i in range(self.n)
            ]
            return {k: np.mean([s[k] for s in single], axis=0) for k in self.names}
        full = self._displacement(p, self.Xr, self.yr, self._probe_lr(p, self.Xr, self.yr))
        return {k: full[k] / self._updates for k in self.names}

    def _count_updates(self, p):
        """Updates per epoch, n / B rounded up: B is the most samples one call takes in a
        single update (its step exactly proportional to the rate), found by bisection; 0
        when even one sample's step is not (an update that reuses values it changed)."""
        one = self._one_update(p, 1)
        if one is None:  # the reader's code fails on part of the data: it takes all of it
            return 1
        if not one:
            return 0
        lo, hi = 1, self.n
        while lo < hi:
            m = (lo + hi + 1) // 2
            lo, hi = (m, hi) if self._one_update(p, m) else (lo, m - 1)
        return -(-self.n // lo)

    def _one_update(self, p, m):
        """Whether one call on m samples is one update: its step, divided by the rate, is the
        same at two rates (1% and 10% of the largest weight) to 1e-4, on the first m samples
        and on the last m (one subset can leave a parameter still by chance). None when the
        reader's code fails on m of the samples (a class that backpropagates activations
        cached from the whole data): the reader never trains on fewer."""
        try:
            return all(
                self._proportional(p, *self._samples(part))
                for part in (slice(0, m), slice(self.n - m, self.n))
            )
        except Exception:  # the reader's own code, on data it never sees
            return None

    def _proportional(self, p, X, y):
        lr = self._probe_lr(p, X, y, relative=1e-2)
        a, b = (self._displacement(p, X, y, rate) for rate in (lr, 10 * lr))
        a, b = (np.concatenate([d[k].ravel() for k in self.names]) for d in (a, b))
        return bool(np.linalg.norm(a - b) <= 1e-4 * max(np.linalg.norm(a), 1e-300))

    # -- what the adapter sees on its own -----------------------------------------------
    def notes(self):
        """Findings about storage: integer weights whose updates are truncated."""
        start = self.start()
        exact = self._read(self._train(self._load(start, False), self.Xr, self.yr, self.lr_value))
        stored = self.step(start)
        lines = []
        for k in self.names:
            dtype = self.kinds[k][1]
            if not np.issubdtype(dtype, np.integer) or exact[k].shape != stored[k].shape:
                continue
            want = float(np.abs(exact[k] - start[k]).max())
            got = float(np.abs(stored[k] - start[k]).max())
            if abs(want - got) > 1e-12:
                lines.append(
                    f"{k} is {dtype}: one epoch should move it by up to {want:.3g}, "
                    f"stored as integers it moved by {got:.3g}"
                )
        if not lines:
            return []
        return [Finding.of("integer_weights", "\n".join(lines))]
