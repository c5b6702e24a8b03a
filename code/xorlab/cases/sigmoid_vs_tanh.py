"""Saturation: why sigmoid units learn slowly, measured on one network and on thousands.

A unit is *saturated* on a sample when its pre-activation z is so large in magnitude that the
activation's derivative f'(z) is a small fraction of its largest value: sigma'(z) <= 1/4 and
tanh'(z) <= 1 shrink towards 0 as |z| grows, and every gradient that passes through the unit is
multiplied by f'(z). This module measures that (derivative bounds, per-layer pre-activation and
gradient-norm statistics), finds plateaus in loss curves, reads success rates off a
`ManyResult` for several epoch budgets, and draws the figures of the chapter
"Two hidden sigmoid units vs tanh".
"""

import io
from importlib import resources

import numpy as np

from ..core import _validate
from ..core.activations import ACTIVATIONS
from ..core.batched import train_many
from ..core.data import xor
from ..core.mlp import MLP
from ..core.stats import wilson_interval
from ..core.train import train

SATURATED = 0.1  # a unit is saturated where f'(z) < SATURATED * max f'


def derivative_bound(name, lo=-20.0, hi=20.0, points=40_001):
    """The largest value of activation `name`'s derivative over z in [lo, hi], found on a grid
    that contains z = 0 (sigmoid: 1/4, tanh: 1, ReLU: 1)."""
    _validate.choice(name, ACTIVATIONS, "activation")
    z = np.linspace(lo, hi, points)
    return float(np.max(ACTIVATIONS[name].df(z)))


def saturated(z, name, fraction=SATURATED):
    """Boolean mask, shape of z: True where f'(z) < fraction * max f' (the unit barely passes
    gradient). For ReLU that is z <= 0, where it passes none."""
    _validate.choice(name, ACTIVATIONS, "activation")
    return ACTIVATIONS[name].df(np.asarray(z, dtype=float)) < fraction * derivative_bound(name)


def layer_statistics(net, X, y):
    """Per-layer statistics of `net` on X: (n, d_in), y: (n, k), each an array of shape (L,):

    `mean_abs_z` the mean |pre-activation|, `saturated` the fraction of (sample, unit) pairs
    that are saturated, `mean_derivative` the mean f'(z), and `grad_norm` the norm of the
    layer's backpropagated gradient (weights and bias together).
    """
    zs, _ = net.layers(X)
    grads = net.gradients(X, y)
    names = [net.spec.hidden] * (net.spec.layers - 1) + [net.spec.output]
    stats = {"mean_abs_z": [], "saturated": [], "mean_derivative": [], "grad_norm": []}
    for layer, (z, name) in enumerate(zip(zs, names), start=1):
        stats["mean_abs_z"].append(np.mean(np.abs(z)))
        stats["saturated"].append(np.mean(saturated(z, name)))
        stats["mean_derivative"].append(np.mean(ACTIVATIONS[name].df(z)))
        own = [g for k, g in grads.items() if k[1:] == str(layer)]
        stats["grad_norm"].append(np.sqrt(sum(np.sum(g**2) for g in own)))
    return {k: np.array(v) for k, v in stats.items()}


def trace(net, X, y, lr, epochs, every=10):
    """Train `net` in place for `epochs` epochs and record `layer_statistics` every `every`.

    Returns a dict: `epoch: (c,)`, `loss: (epochs + 1,)` (every epoch), and each statistic of
    `layer_statistics` as `(c, L)`, with c = epochs // every + 1 checkpoints.
    """
    _validate.positive(epochs, "epochs", integer=True)
    _validate.positive(every, "every", integer=True)
    if epochs % every:
        raise ValueError(f"epochs ({epochs}) must be a multiple of every ({every})")
    rows, losses = [layer_statistics(net, X, y)], [net.loss(X, y)]
    for _ in range(epochs // every):
        history = train(net, X, y, lr, every)
        losses.extend(history.loss[1:])
        rows.append(layer_statistics(net, X, y))
    out = {k: np.array([r[k] for r in rows]) for k in rows[0]}
    out["epoch"] = np.arange(0, epochs + 1, every)
    out["loss"] = np.array(losses)
    return out


def flat(curves, window=100, tol=0.01, min_loss=0.01):
    """Where loss curves are on a plateau. curves: (T,) or (T, m), one value per epoch.

    Epoch t is flat when the loss falls by less than `tol` (relative) from t to t + window and
    is still above `min_loss` (a converged net is not stuck). Returns a bool array (T - window,)
    or (T - window, m).
    """
    c = np.asarray(curves, dtype=float)
    _validate.positive(window, "window", integer=True)
    if c.ndim not in (1, 2) or len(c) <= window:
        raise ValueError(f"curves must be (T,) or (T, m) with T > window, got shape {c.shape}")
    drop = (c[:-window] - c[window:]) / np.maximum(c[:-window], 1e-300)
    return (drop < tol) & (c[:-window] > min_loss)


def plateaus(loss, window=100, tol=0.01, min_loss=0.01, min_length=100):
    """The plateaus of one loss curve loss: (T,), as a list of (start, end) epochs (end
    exclusive), each at least `min_length` epochs long. See `flat` for the other arguments."""
    mask = flat(np.asarray(getattr(loss, "loss", loss)), window, tol, min_loss)
    if mask.ndim != 1:
        raise ValueError("plateaus takes one curve; use flat(...).sum(axis=0) for many")
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(int), [0]])))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if b - a >= min_length]


def solved_by(result, budgets):
    """Success by epoch budget from one `ManyResult`: for each E in `budgets`, (E, k, rate, lo,
    hi) where k networks were right on every sample at some epoch <= E (`epochs_to_solve <= E`)
    and (lo, hi) is the 95% Wilson interval. Budgets beyond the run's length are an error."""
    e = result.epochs_to_solve
    rows = []
    for budget in budgets:
        _validate.positive(budget, "budget", integer=True, allow_zero=True)
        k = int(np.sum(e <= budget))
        rows.append((int(budget), k, k / result.n, *wilson_interval(k, result.n)))
    return rows


def hidden_saturation(result, X=None):
    """For each of a `ManyResult`'s networks at the end of training, the fraction of its
    first-layer (sample, unit) pairs that are saturated: shape (m,). X: (n, d_in), XOR by
    default."""
    X = xor()[0] if X is None else _validate.as_matrix(X, "X", result.spec.sizes[0])
    z = np.einsum("ni,mij->mnj", X, result.params["W1"])
    if "b1" in result.params:
        z = z + result.params["b1"][:, None, :]
    return saturated(z, result.spec.hidden).mean(axis=(1, 2))


def read_grid(path=None):
    """The grid CSV written by tools/xor_grid.py as a numpy structured array (numpy only).

    With no `path`, the grid that ships inside xorlab as package data
    (`xorlab/tables/xor_grid.csv`), so a chapter opened on its own (Colab, a downloaded
    notebook) finds it wherever it runs."""
    if path is None:
        shipped = resources.files("xorlab") / "tables" / "xor_grid.csv"
        path = io.StringIO(shipped.read_text(encoding="utf-8"))
    return np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="utf-8")


def grid_rates(table, measure, epochs, gradient, hidden, units, lrs):
    """Success rates (len(units), len(lrs)) from a `read_grid` table for one measure, budget,
    gradient ("buggy" or "fixed") and hidden activation; NaN where a setting is missing."""
    out = np.full((len(units), len(lrs)), np.nan)
    for i, u in enumerate(units):
        for j, lr in enumerate(lrs):
            row = table[
                (table["measure"] == measure)
                & (table["epochs"] == epochs)
                & (table["gradient"] == gradient)
                & (table["hidden"] == hidden)
                & (table["units"] == u)
                & np.isclose(table["lr"], lr)
            ]
            if len(row):
                out[i, j] = row["rate"][0]
    return out


def draw_grid(table, epochs, gradient, measure="solved_by"):
    """One frame of the static success-rate view: a heatmap per hidden activation (rows: hidden
    units, columns: learning rate) for one budget and gradient. Returns the Figure."""
    import matplotlib.pyplot as plt

    hiddens = list(dict.fromkeys(table["hidden"]))
    units, lrs = sorted(set(table["units"])), sorted(set(table["lr"]))
    fig, axes = plt.subplots(1, len(hiddens), figsize=(6.4, 2.6), layout="constrained")
    for ax, hidden in zip(np.atleast_1d(axes), hiddens):
        rates = grid_rates(table, measure, epochs, gradient, hidden, units, lrs)
        ax.imshow(100 * rates, cmap="viridis", vmin=0, vmax=100, origin="lower")
        for (i, j), r in np.ndenumerate(rates):
            ax.text(
                j,
                i,
                f"{100 * r:.0f}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if r < 0.6 else "black",
            )
        ax.set(
            xticks=range(len(lrs)),
            xticklabels=[f"{v:g}" for v in lrs],
            xlabel="lr",
            yticks=range(len(units)),
            yticklabels=units,
            title=hidden,
        )
    np.atleast_1d(axes)[0].set_ylabel("hidden units")
    fig.suptitle(f"% solved by epoch {epochs}, {gradient} gradient", fontsize=10)
    return fig


def plot_derivatives(names=("sigmoid", "tanh"), ax=None, z=None):
    """Each activation's derivative f'(z) with its bound as a dotted line; returns the Axes."""
    import matplotlib.pyplot as plt

    from ..show import plots

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 3), layout="constrained")
    z = np.linspace(-6, 6, 401) if z is None else np.asarray(z, dtype=float)
    colours = [plots.PALETTE[c] for c in ("blue", "vermillion", "green", "purple")]
    for name, colour in zip(names, colours):
        bound = derivative_bound(name)
        ax.plot(z, ACTIVATIONS[name].df(z), color=colour, lw=2, label=f"{name}' (max {bound:g})")
        ax.axhline(bound, color=colour, ls=":", lw=1)
    ax.set(xlabel="pre-activation z", ylabel="f'(z)", title="how much gradient a unit passes")
    ax.legend(frameon=False)
    return ax


def draw_run(hidden="sigmoid", units=2, lr=0.4, epochs=2000, faults=(), seed=0, n=300):
    """The explorer's figure: one network's hidden-unit lines, its loss curve with plateaus
    shaded, and the success rate of n networks (seeds seed..seed+n-1), for the chapter's
    re-created program (MSE loss, the question's init) with the named `faults` switched on.
    Returns the Figure."""
    import matplotlib.pyplot as plt

    from ..show import plots

    gain = {"sigmoid": 1.0, "tanh": 2.0, "relu": np.sqrt(2.0)}[hidden]
    kw = dict(
        hidden=hidden,
        loss="mse",
        init="normal",
        faults=faults,
        init_scale=gain * np.sqrt(2.0 / (2 + units)),
    )
    X, y = xor()
    net = MLP((2, units, 1), seed=seed, **kw)
    with np.errstate(all="ignore"):
        history = train(net, X, y, lr, epochs)
        many = train_many(n, (2, units, 1), lr=lr, epochs=epochs, seed=seed, **kw)
    fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.4), layout="constrained")
    plots.plot_hidden_lines(
        net,
        X,
        y,
        ax=a,
        title=f"seed {seed}: outputs " + " ".join(f"{p:.2f}" for p in history.outputs[-1].ravel()),
    )
    plots.plot_loss(history, ax=b, title=f"{n} seeds: {many.summary()} right at the end")
    if len(history.loss) > 101 and np.all(np.isfinite(history.loss)):
        for start, end in plateaus(history.loss):
            b.axvspan(start, end, color=plots.PALETTE["grey"], alpha=0.2, lw=0)
    return fig
