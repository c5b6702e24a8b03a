"""Training thousands of networks at once, for claims measured over many random seeds.

`train_many` keeps every parameter with a trailing axis of networks and runs the same forward
and backward code as `MLP` (see `mlp.forward`), so the work per epoch is a few numpy operations
on arrays of shape (n, d, networks): no Python loop over networks.
"""

from dataclasses import dataclass, replace

import numpy as np

from . import _validate, mlp, parallel
from .data import solved, xor
from .stats import wilson_interval
from .train import MODES, check_work


@dataclass
class ManyResult:
    """The outcome of `train_many` for m networks on n samples with k outputs.

    `success: (m,)` solved at the end (`data.solved`: every output strictly on the right side
    of 0.5);
    `final_loss: (m,)`; `epochs_to_solve: (m,)` the first epoch after which a network was
    right on every sample (NaN if never); `outputs: (m, n, k)` the final outputs;
    `params` and `initial_params`: dicts of arrays with the networks on the first axis,
    e.g. `W1: (m, d_in, d_1)`; `loss_curve: (E // loss_every + 1, m)` when recorded.
    Network i started from `MLP(sizes, ..., seed=seed + i)`: `network(i)` rebuilds it, trained.
    """

    spec: mlp.Spec
    seed: int
    init: str
    init_scale: float
    success: np.ndarray
    final_loss: np.ndarray
    epochs_to_solve: np.ndarray
    outputs: np.ndarray
    params: dict
    initial_params: dict
    loss_curve: np.ndarray | None = None

    @property
    def n(self):
        return len(self.success)

    @property
    def success_rate(self):
        """Fraction of the networks that learned the task."""
        return float(self.success.mean())

    @property
    def interval(self):
        """95% Wilson interval (lo, hi) for the success rate."""
        return wilson_interval(int(self.success.sum()), self.n)

    def summary(self):
        """One line: the success rate with its 95% interval, e.g. '74.0% (95% CI 71.2-76.6%)'."""
        lo, hi = self.interval
        return f"{100 * self.success_rate:.1f}% (95% CI {100 * lo:.1f}-{100 * hi:.1f}%)"

    def __getstate__(self):
        """For pickling (`parallel`): the arrays with the networks first are views of arrays with
        the networks last; send those, so that a copy has the very same memory layout."""
        state = dict(vars(self))
        state["outputs"] = np.moveaxis(self.outputs, 0, -1)
        for name in ("params", "initial_params"):
            state[name] = {k: np.moveaxis(v, 0, -1) for k, v in state[name].items()}
        return state

    def __setstate__(self, state):
        state["outputs"] = np.moveaxis(state["outputs"], -1, 0)
        for name in ("params", "initial_params"):
            state[name] = {k: np.moveaxis(v, -1, 0) for k, v in state[name].items()}
        vars(self).update(state)

    @classmethod
    def join(cls, parts):
        """One result from the results of consecutive seed ranges, in order (`parallel`)."""
        first = parts[0]

        def joined(name, axis=0):
            return np.concatenate([getattr(r, name) for r in parts], axis=axis)

        def stacked(arrays):  # as run_epochs gives them: networks first, a view of C-order data
            return np.moveaxis(np.concatenate([np.moveaxis(a, 0, -1) for a in arrays], -1), -1, 0)

        return cls(
            spec=first.spec,
            seed=first.seed,
            init=first.init,
            init_scale=first.init_scale,
            success=joined("success"),
            final_loss=joined("final_loss"),
            epochs_to_solve=joined("epochs_to_solve"),
            outputs=stacked([r.outputs for r in parts]),
            params={k: stacked([r.params[k] for r in parts]) for k in first.params},
            initial_params={k: stacked([r.initial_params[k] for r in parts]) for k in first.params},
            loss_curve=None if first.loss_curve is None else joined("loss_curve", axis=1),
        )

    def network(self, i, initial=False):
        """Network i as an `MLP`, with its final (or, with initial=True, starting) parameters."""
        s = self.spec
        net = mlp.MLP(
            s.sizes,
            s.hidden,
            s.output,
            s.loss,
            s.bias,
            self.init,
            self.init_scale,
            self.seed + i,
            tuple(s.faults),
        )
        source = self.initial_params if initial else self.params
        net.params = {k: v[i].copy() for k, v in source.items()}
        return net


@dataclass(frozen=True)
class Settings:
    """The arguments of one call of `train_many` (see there), as given, before any check:
    n networks, seeds seed, ..., seed + n - 1; X: (n_samples, d_in) and y: (n_samples, k), or
    both None for XOR."""

    n: int
    sizes: tuple
    hidden: str
    output: str
    loss: str
    lr: float
    epochs: int
    init: str
    seed: int
    bias: bool
    faults: tuple
    init_scale: float
    X: object
    y: object
    mode: str
    loss_every: int | None
    workers: int | None


def check_settings(s):
    """Check the settings `s`; return `(spec, X, y, steps)`, with X, y defaulting to XOR and
    `steps` the gradient steps each network takes: epochs, times the samples when `s.mode` is
    "sample" (one step per sample) rather than "batch"."""
    _validate.positive(s.n, "n", integer=True)
    spec = mlp.make_spec(s.sizes, s.hidden, s.output, s.loss, s.bias, s.faults)
    X, y = (s.X, s.y) if s.X is not None or s.y is not None else xor()
    X = _validate.as_matrix(X, "X", spec.sizes[0])
    y = _validate.as_matrix(y, "y", spec.sizes[-1])
    _validate.same_rows(X, y)
    _validate.targets(y, spec.loss)
    _validate.positive(s.lr, "lr")
    _validate.positive(s.epochs, "epochs", integer=True, allow_zero=True)
    _validate.choice(s.mode, MODES, "mode")
    _validate.choice(s.init, mlp.INITS, "init")
    _validate.positive(s.init_scale, "init_scale")
    _validate.seed(s.seed)
    if s.loss_every is not None:
        _validate.positive(s.loss_every, "loss_every", integer=True)
    per_epoch = 1 if s.mode == "batch" else len(X)
    count = mlp.parameter_count(spec.sizes, spec.bias)
    check_work(s.epochs, s.n, len(X), count, per_epoch, sum(spec.sizes))
    return spec, X, y, s.epochs * per_epoch


def starting_params(spec, n, init, init_scale, seed):
    """The initial parameters of networks seed, seed + 1, ..., seed + n - 1, stacked (trailing
    axis of n): network i's are `init_params(..., seed=seed + i)`."""
    return mlp.stack(
        [mlp.init_params(spec.sizes, init, init_scale, seed + i, spec.bias) for i in range(n)]
    )


def in_parts(trainer, n, seed, steps, workers, **kwargs):
    """A call of n networks (seeds seed, ..., seed + n - 1) taking `steps` gradient steps each,
    cut by seed into parts (`parallel.parts`) and run in worker processes: the list of results
    of `trainer(n=size, seed=first, **kwargs)`, one per part in order; None when the call stays
    one part (to run in this process). `workers` as in `train_many`."""
    cuts = parallel.parts(n, seed, steps, workers)
    if len(cuts) == 1:
        return None
    return parallel.run_parts(trainer, cuts, **kwargs)


def run_epochs(spec, X, y, start, epochs, epoch_step, seed, init, init_scale, loss_every=None):
    """The epoch loop every trainer shares; returns a `ManyResult`.

    Each epoch runs the full-batch forward pass (to track success and the loss), then
    `epoch_step(params, zs, acts)`, which updates the stacked params in place.
    """
    params = {k: v.copy() for k, v in start.items()}
    yy = y[:, :, None]
    solved_at = np.full(start["W1"].shape[-1], np.nan)
    curve = []
    for epoch in range(epochs + 1):
        zs, acts = mlp.forward(params, X, spec)
        solved_at[np.isnan(solved_at) & solved(acts[-1], yy)] = epoch
        if loss_every and epoch % loss_every == 0:
            curve.append(mlp.loss_of(zs, acts, y, spec))
        if epoch == epochs:
            break
        epoch_step(params, zs, acts)
    first = {k: np.moveaxis(v, -1, 0) for k, v in start.items()}
    return ManyResult(
        spec=spec,
        seed=seed,
        init=init,
        init_scale=init_scale,
        success=solved(acts[-1], yy),
        final_loss=mlp.loss_of(zs, acts, y, spec),
        epochs_to_solve=solved_at,
        outputs=np.moveaxis(acts[-1], -1, 0),
        params={k: np.moveaxis(v, -1, 0) for k, v in params.items()},
        initial_params=first,
        loss_curve=np.array(curve) if loss_every else None,
    )


def descend(params, grads, lr, keys=None):
    """One gradient step in place: `params[k] -= lr * grads[k]` for each k of `keys` (all)."""
    for k in params if keys is None else keys:
        params[k] -= lr * grads[k]


def sample_step(params, x, y, lr, spec):
    """One gradient step of a stack on one sample, in place; x: (1, d_in), y: (1, k)."""
    zs, acts = mlp.forward(params, x, spec)
    descend(params, mlp.backward(params, zs, acts, y, spec), lr)


def train_settings(settings, step=sample_step):
    """Train the networks of `settings` (a `Settings`); returns a `ManyResult`.

    In mode "sample", `step(params, x, y, lr, spec)` takes each sample's step (`sample_step`,
    gradient descent, unless a trainer of another update gives its own). A big call is shared
    among the CPUs (`in_parts`), with the same result to the last bit.
    """
    s = settings
    spec, X, y, steps = check_settings(s)
    parts = in_parts(_train_part, s.n, s.seed, steps, s.workers, settings=s, step=step)
    if parts is not None:
        return ManyResult.join(parts)
    start = starting_params(spec, s.n, s.init, s.init_scale, s.seed)

    def epoch_step(params, zs, acts):
        if s.mode == "batch":
            descend(params, mlp.backward(params, zs, acts, y, spec), s.lr)
            return
        for i in range(len(X)):
            step(params, X[i : i + 1], y[i : i + 1], s.lr, spec)

    return run_epochs(
        spec, X, y, start, s.epochs, epoch_step, s.seed, s.init, s.init_scale, s.loss_every
    )


def _train_part(n, seed, settings, step):
    """Networks seed, ..., seed + n - 1 of a shared-out `train_settings` (in a worker)."""
    return train_settings(replace(settings, n=n, seed=seed), step)


def train_many(
    n,
    sizes=(2, 2, 1),
    hidden="sigmoid",
    output="sigmoid",
    loss="bce",
    lr=0.5,
    epochs=1000,
    init="xavier",
    seed=0,
    bias=True,
    faults=(),
    init_scale=1.0,
    X=None,
    y=None,
    mode="batch",
    loss_every=None,
    workers=None,
):
    """Train n independent networks at once; network i starts as `MLP(..., seed=seed + i)`.

    X: (n_samples, d_in) and y: (n_samples, k) default to XOR. `mode` is "batch" or "sample"
    as in `train`. `loss_every=e` also records every network's loss every e epochs. A big call
    is shared among the CPUs (`parallel.parts`; `workers=1` keeps it in this process), with the
    same result to the last bit.
    Returns a `ManyResult` with `.success_rate`, `.interval` (95% Wilson), `.final_loss`,
    `.epochs_to_solve` and the trained parameters.
    """
    settings = Settings(
        n=n,
        sizes=sizes,
        hidden=hidden,
        output=output,
        loss=loss,
        lr=lr,
        epochs=epochs,
        init=init,
        seed=seed,
        bias=bias,
        faults=faults,
        init_scale=init_scale,
        X=X,
        y=y,
        mode=mode,
        loss_every=loss_every,
        workers=workers,
    )
    return train_settings(settings)
