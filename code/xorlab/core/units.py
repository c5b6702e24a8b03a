"""Unit statistics for ReLU networks: which hidden units fire, which are dead, and whether the
network is linear on the data.

A ReLU unit is *active* on an input when its pre-activation z > 0, and *dead* when z <= 0 on
every input: its output is then 0 everywhere and so is every gradient that passes through it, so
full-batch gradient descent never revives it. A ReLU network is *linear on the data* when each
hidden unit is either active on every input (it acts as the identity) or dead (it acts as 0):
then the network computes sigmoid(x @ v + c) on those inputs, a linear model in disguise.

Every function takes a `source`: one `MLP` (results shaped per network, e.g. `(n, d_1)`), a
`ManyResult` from `train_many`, or a parameter dict with the networks on the first axis
(`W1: (m, d_in, d_1)`, as in `ManyResult.params`; results get a leading axis of m networks).
"""

from dataclasses import dataclass

import numpy as np

from . import _validate, mlp
from .batched import ManyResult
from .data import xor

RELU_LIKE = ("relu", "leaky_relu")


def _stack(source, initial):
    """Return (spec, params with a trailing network axis, one) for any accepted source."""
    if isinstance(source, mlp.MLP):
        if initial:
            raise ValueError(
                "initial=True needs a ManyResult; an MLP keeps only its current params"
            )
        spec, params, one = source.spec, {k: v[..., None] for k, v in source.params.items()}, True
    elif isinstance(source, ManyResult):
        spec, one = source.spec, False
        chosen = source.initial_params if initial else source.params
        params = {k: np.moveaxis(v, 0, -1) for k, v in chosen.items()}
    elif isinstance(source, dict):
        if initial:
            raise ValueError("initial=True needs a ManyResult; a dict holds one set of params")
        if "W1" not in source or np.ndim(source["W1"]) != 3:
            raise ValueError(
                "a params dict needs W1 with the networks on the first axis, shape (m, d_in, d_1)"
            )
        layers = sum(1 for k in source if k.startswith("W"))
        sizes = [source["W1"].shape[1]] + [source[f"W{i}"].shape[2] for i in range(1, layers + 1)]
        spec = mlp.make_spec(sizes, hidden="relu", bias="b1" in source)
        params, one = (
            {k: np.moveaxis(np.asarray(v, float), 0, -1) for k, v in source.items()},
            False,
        )
    else:
        raise TypeError(
            f"source must be an MLP, a ManyResult or a params dict, got {type(source).__name__}"
        )
    if spec.hidden not in RELU_LIKE:
        raise ValueError(f"dead-unit statistics are for ReLU hidden layers, not {spec.hidden!r}")
    if spec.layers < 2:
        raise ValueError(f"the network {spec.sizes} has no hidden layer")
    return spec, params, one


def _hidden_z(source, X, initial):
    """Hidden pre-activations, one (m, n, d_l) array per hidden layer, and the `one` flag."""
    spec, params, one = _stack(source, initial)
    X = xor()[0] if X is None else _validate.as_matrix(X, "X", spec.sizes[0])
    zs, _ = mlp.forward(params, X, spec)
    return [np.moveaxis(z, -1, 0) for z in zs[:-1]], one


def activation_pattern(source, X=None, layer=1, initial=False):
    """Where each ReLU of hidden `layer` is active (z > 0): bool (n, d_l) for an MLP, else
    (m, n, d_l). X: (n, d_in) defaults to XOR's inputs; `initial=True` (ManyResult only) uses
    the networks as they were before training."""
    zs, one = _hidden_z(source, X, initial)
    if isinstance(layer, bool) or not isinstance(layer, (int, np.integer)):
        raise TypeError(f"layer must be an integer, got {layer!r}")
    if not 1 <= layer <= len(zs):
        raise ValueError(f"layer must be between 1 and {len(zs)} (the hidden layers), got {layer}")
    pattern = zs[layer - 1] > 0
    return pattern[0] if one else pattern


def dead_units(source, X=None, layer=1, initial=False):
    """Which units of hidden `layer` are dead (z <= 0 on every row of X): bool (d_l,) for an
    MLP, else (m, d_l)."""
    return ~activation_pattern(source, X, layer, initial).any(axis=-2)


def dead_fraction(source, X=None, initial=False):
    """The fraction of all hidden ReLU units (every hidden layer, every network) that are dead."""
    zs, _ = _hidden_z(source, X, initial)
    dead = [np.all(z <= 0, axis=1) for z in zs]
    return float(sum(d.sum() for d in dead) / sum(d.size for d in dead))


def linear_on_data(source, X=None, initial=False):
    """Whether each network is linear on X: every hidden unit is active on every row (z >= 0, so
    ReLU acts as the identity) or dead (z <= 0 on every row, so it acts as 0). A bool for an
    MLP, else (m,) bools. Such a network outputs sigmoid(x @ v + c) on X for some v and c."""
    zs, one = _hidden_z(source, X, initial)
    ok = np.ones(zs[0].shape[0], dtype=bool)
    for z in zs:
        ok &= np.all(np.all(z >= 0, axis=1) | np.all(z <= 0, axis=1), axis=-1)
    return bool(ok[0]) if one else ok


@dataclass(frozen=True)
class UnitStats:
    """Dead and linear fractions of a `ManyResult`'s networks before and after training."""

    dead_at_init: float
    dead_after: float
    linear_at_init: float
    linear_after: float


def unit_stats(result, X=None):
    """`UnitStats` for a `ManyResult`: the fraction of hidden units that are dead and the
    fraction of networks that are linear on X (default XOR), at initialisation and after
    training."""
    if not isinstance(result, ManyResult):
        raise TypeError(f"unit_stats needs a ManyResult, got {type(result).__name__}")
    return UnitStats(
        dead_fraction(result, X, initial=True),
        dead_fraction(result, X),
        float(linear_on_data(result, X, initial=True).mean()),
        float(linear_on_data(result, X).mean()),
    )


def best_linear_accuracy(X, y):
    """The highest accuracy any linear classifier [x @ w + c > 0] reaches on 2-D data, exactly.

    X: (n, 2), y: (n, 1) of 0s and 1s. Which points a line puts on its positive side changes
    only where the line's normal turns past a direction in which two points tie, so one
    direction inside each arc between those critical directions, with every threshold along
    it, covers every way a line can split the points.
    """
    X = _validate.as_matrix(X, "X", 2)
    y = _validate.as_matrix(y, "y", 1)
    _validate.same_rows(X, y)
    labels = y[:, 0] > 0.5
    diff = X[:, None, :] - X[None, :, :]
    ties = np.arctan2(diff[..., 1], diff[..., 0])[np.any(diff != 0, axis=-1)] + np.pi / 2
    angles = np.unique(np.concatenate([np.mod(ties, 2 * np.pi), [0.0, 2 * np.pi]]))
    best = max(labels.mean(), 1 - labels.mean())
    for theta in (angles[:-1] + angles[1:]) / 2:
        s = X @ np.array([np.cos(theta), np.sin(theta)])
        cuts = np.unique(s)
        for cut in np.concatenate([cuts[:-1] + np.diff(cuts) / 2, [cuts[0] - 1]]):
            best = max(best, np.mean((s > cut) == labels))
    return float(best)
