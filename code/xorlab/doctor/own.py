"""A reader's own network object (or dict of arrays), driven through deep copies for
`xorlab.adapt`: parameters loaded and read, the training method called, a gradient read off
its update, and what the adapter sees on its own (the adapter module's docstring says how)."""

import copy
import inspect

import numpy as np

from ..core import _validate
from .calls import advanced, keywords, quiet, rebind, reduce_to, seeded, step_into, stored_kind
from .findings import Finding
from .probe import at_rate_0
from .reader import flatten, lossless

RELATIVE_PROBE_STEP = 1e-7  # the probe's step, relative to the largest weight
DRAWS = 4  # epochs from other random states, to tell an epoch that draws at random


class OwnNetwork:
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
        self.Xr, self.yr = np.array(X), np.array(y)  # copies: your arrays are never changed
        self._data_checks()
        self.kinds = {k: stored_kind(self._get(obj, k)) for k in self.names}
        self._learning_rate(lr)
        self._runs = {}  # {(other targets, float64 weights): (last result, its object)}
        self._updates = None  # updates per epoch, counted once
        self._random = None  # whether an epoch draws its samples at random, decided once

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
        """Bind `value` at `name`, and in every other place the object held the same array
        (a list of params, one level deep), so that those names see it too."""
        held, root = self._get(twin, name), twin
        *inner, last = self._path(name)
        for part in inner:
            twin = step_into(twin, part)
        if isinstance(twin, dict):
            twin[last] = value
        elif isinstance(twin, list):
            twin[int(last)] = value
        else:
            setattr(twin, last, value)
        if isinstance(held, np.ndarray):
            rebind(root, held, value)

    def _path(self, name):
        if self.is_dict and name in self.obj:
            return [name]
        return name.split(".")

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

    def per_sample(self, p):
        """Each sample's gradient as the reader's code computes it on that sample alone: the
        displacement of a one-sample epoch at a tiny rate, [{name: array}] in sample order."""
        return self._one_sample(p, self._probe_lr(p, self.Xr, self.yr))

    def _implied(self, p, twin):
        lr = self._probe_lr(p, self.Xr, self.yr)
        rates = (lr, 10 * lr)  # pragma: no mutate (any second rate shows proportionality)
        if self._draws(p, lr):  # an epoch that draws at random: one-sample epochs
            a, b = (self._sample_mean(p, r, twin) for r in rates)
        else:
            a, b = (self._displacement(p, self.Xr, self.yr, r, twin) for r in rates)
            a, b = ({k: d[k] / self._updates for k in self.names} for d in (a, b))
        fa, fb = (flatten(d[k] for k in self.names) for d in (a, b))
        with np.errstate(all="ignore"):  # scaled by the largest entry: no square overflows
            top = max(float(np.abs(fa).max()), 1e-300)
            same = np.linalg.norm((fa - fb) / top) <= 1e-3 * np.linalg.norm(fa / top)
        return a if same else None

    def predict(self, p, Z, as_given=True):
        """Outputs (n, k) on Z (n, d_in); integer inputs reach the code as integers, as in
        training (`as_given`; `lossless`), else as float64."""
        twin, Z = self._load(p, keep_dtypes=False), Z.T if self.columns else Z
        Z = lossless(Z, self.Xr.dtype) if as_given and self.Xr.dtype.kind in "biu" else Z
        out = np.asarray(quiet(self.predict_fn, twin, Z), dtype=np.float64)
        if out.ndim == 1:
            return out.reshape(-1, 1)
        return out.T if self.columns else out

    def loss(self, p):
        twin = self._load(p, keep_dtypes=False)  # pragma: no mutate (None is False here)
        return quiet(self.loss_fn, twin, self.Xr, self.yr)

    def _displacement(self, p, X, y, lr, source=None, draw=0):
        """(p - p') / lr for one call of the training method on (X, y), float64 weights, from
        a copy of the reader's object (or of `source`), numpy's global random state seeded
        with `draw`; p' - p(0) when the call moves the weights even at rate 0
        (`probe.at_rate_0`): the gradient is what the rate multiplies."""
        with seeded(draw):
            after = self._read(self._train(self._load(p, False, source), X, y, lr))
        with seeded(draw):
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
        proportional to the rate even on one sample), or an epoch draws its samples at
        random, the mean of one-sample epochs."""
        if self.lr_name is not None and self._updates is None:
            self._updates = self._count_updates(p)
        if not self._updates:
            return self._sample_mean(p, self.lr_value)
        rate = self._probe_lr(p, self.Xr, self.yr)
        if self._draws(p, rate):
            return self._sample_mean(p, rate)
        full = self._displacement(p, self.Xr, self.yr, rate)
        return {k: full[k] / self._updates for k in self.names}

    def _sample_mean(self, p, lr, source=None):
        """The mean over samples of one-sample epochs' displacements (`_displacement`)."""
        one = self._one_sample(p, lr, source)
        return {k: np.mean([d[k] for d in one], axis=0) for k in self.names}

    def _one_sample(self, p, lr, source=None):
        """Each sample's one-sample epoch displacement (`_displacement`), in sample order."""
        return [
            self._displacement(p, *self._samples(slice(i, i + 1)), lr, source)
            for i in range(self.n)
        ]

    def _draws(self, p, lr):
        """Whether the reader's epoch draws its samples at random (from a generator the object
        holds or numpy's global one), so that one-sample epochs give its gradient: the
        epoch's step changes with the random state (a shuffle alone does not, at a tiny
        rate), and each such step is a mix of one-sample epochs' steps with weights >= 0
        (labels shuffled apart from their inputs are not). Decided once."""
        if self._random is None:
            flat = [self._flat(p, lr, t) for t in range(DRAWS)]
            spread = max(np.linalg.norm(f - flat[0]) for f in flat)
            self._random = bool(spread > 1e-3 * max(np.linalg.norm(flat[0]), 1e-300))
            self._random = self._random and self._mixes(p, lr, flat)
        return self._random

    def _flat(self, p, lr, draw):
        """One epoch's displacement, flat, with the random state `draw`, from a copy of the
        reader's object whose generators drew `draw` numbers first."""
        d = self._displacement(p, self.Xr, self.yr, lr, advanced(self.obj, draw), draw)
        return flatten(d[k] for k in self.names)

    def _mixes(self, p, lr, flat):
        """Whether every epoch step in `flat` is a mix, weights >= 0, of one-sample epochs'
        steps (not when those take no step: `n // B` updates of none)."""
        try:
            ones = self._one_sample(p, lr)
            G = np.stack([flatten(d[k] for k in self.names) for d in ones], 1)
        except Exception:  # noqa: BLE001  (the reader's code, on data it never sees)
            return False
        for f in flat:
            c = np.linalg.lstsq(G, f, rcond=None)[0]
            if np.linalg.norm(G @ c - f) > 1e-3 * np.linalg.norm(f) or c.min() < -1e-3 * c.max():
                return False
        return True

    def _count_updates(self, p):
        """Updates per epoch, n / B rounded up: B is the most samples one call takes in a
        single update (its step exactly proportional to the rate): all n, else found by
        bisection; 0 when even one sample's step is not (an update that reuses values it
        changed)."""
        one = self._one_update(p, 1)
        if one is None:  # the reader's code fails on part of the data: it takes all of it
            return 1
        if not one:
            return 0
        if self._one_update(p, self.n):  # the whole batch in one update (some parts may fail)
            return 1
        lo, hi = 1, self.n
        while lo < hi:
            m = (lo + hi + 1) // 2
            lo, hi = (m, hi) if self._one_update(p, m) else (lo, m - 1)
        return -(-self.n // lo)

    def _one_update(self, p, m):
        """Whether one call on m samples is one update: its step, divided by the rate, is the
        same at two rates (1% and 10% of the largest weight) to 1e-4, on the first m samples
        and on the last m (one subset can leave a parameter still by chance). None when the
        reader's code fails on m of the samples, or steps to NaN (a class that backpropagates
        activations cached from the whole data; a std over one sample): the reader never
        trains on fewer."""
        try:
            with np.errstate(all="ignore"):
                said = [
                    self._proportional(p, *self._samples(part))
                    for part in (slice(0, m), slice(self.n - m, self.n))
                ]
        except Exception:  # the reader's own code, on data it never sees
            return None
        return None if None in said else all(said)

    def _proportional(self, p, X, y):
        lr = self._probe_lr(p, X, y, relative=1e-2)
        a, b = (self._displacement(p, X, y, rate) for rate in (lr, 10 * lr))
        a, b = (flatten(d[k] for k in self.names) for d in (a, b))
        if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
            return None  # NaN on these samples (a std of one sample): the reader never does that
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
