"""Training thousands of networks at once, for claims measured over many random seeds.

`train_many` keeps every parameter with a trailing axis of networks and runs the same forward
and backward code as `MLP` (see `mlp.forward`), so the work per epoch is a few numpy operations
on arrays of shape (n, d, networks): no Python loop over networks.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate, mlp
from .data import solved, xor
from .stats import wilson_interval
from .train import MODES, check_work, parameter_count


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


def prepare(
    n, sizes, hidden, output, loss, lr, epochs, init, seed, bias, faults, init_scale, X, y, mode
):
    """Check a trainer's arguments; return `(spec, X, y, start)`, with start the stacked initial
    parameters of networks seed, seed + 1, ... (trailing axis of n) and X, y defaulting to XOR.
    `mode` ("batch" or "sample") counts the steps each epoch takes, for the work bound."""
    _validate.positive(n, "n", integer=True)
    spec = mlp.make_spec(sizes, hidden, output, loss, bias, faults)
    if X is None and y is None:
        X, y = xor()
    X = _validate.as_matrix(X, "X", spec.sizes[0])
    y = _validate.as_matrix(y, "y", spec.sizes[-1])
    _validate.same_rows(X, y)
    _validate.targets(y, spec.loss)
    _validate.positive(lr, "lr")
    _validate.positive(epochs, "epochs", integer=True, allow_zero=True)
    _validate.choice(mode, MODES, "mode")
    per_epoch = 1 if mode == "batch" else len(X)
    check_work(epochs, n, len(X), parameter_count(spec.sizes, spec.bias), per_epoch)
    _validate.seed(seed)
    start = mlp.stack(
        [mlp.init_params(spec.sizes, init, init_scale, seed + i, bias) for i in range(n)]
    )
    return spec, X, y, start


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
):
    """Train n independent networks at once; network i starts as `MLP(..., seed=seed + i)`.

    X: (n_samples, d_in) and y: (n_samples, k) default to XOR. `mode` is "batch" or "sample"
    as in `train`. `loss_every=e` also records every network's loss every e epochs.
    Returns a `ManyResult` with `.success_rate`, `.interval` (95% Wilson), `.final_loss`,
    `.epochs_to_solve` and the trained parameters.
    """
    spec, X, y, start = prepare(
        n, sizes, hidden, output, loss, lr, epochs, init, seed, bias, faults, init_scale, X, y, mode
    )
    if loss_every is not None:
        _validate.positive(loss_every, "loss_every", integer=True)
    samples = [(X[i : i + 1], y[i : i + 1]) for i in range(len(X))]

    def epoch_step(params, zs, acts):
        for xb, yb in [(X, y)] if mode == "batch" else samples:
            if mode == "sample":
                zs, acts = mlp.forward(params, xb, spec)
            grads = mlp.backward(params, zs, acts, yb, spec)
            for k in params:
                params[k] -= lr * grads[k]

    return run_epochs(spec, X, y, start, epochs, epoch_step, seed, init, init_scale, loss_every)
