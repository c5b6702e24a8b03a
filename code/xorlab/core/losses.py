"""Losses averaged over samples, with their gradients.

Shapes: predictions `p` and targets `y` are `(n, k)` (a trailing axis of networks is allowed:
p `(n, k, m)`, y `(n, k, m)` or `(n, k, 1)`). Other shapes are refused, never broadcast; so are
targets outside [0, 1] for binary cross-entropy. A loss is the mean over the n samples of the
sum over the k outputs.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate

CLIP = 1e-15


def _bce_pair(p, y, names=("p", "y")):
    """p, y as arrays of matching shapes, with every target in [0, 1]."""
    p, y = _validate.same_shape(p, y, names)
    return p, _validate.targets(y, "bce")


def bce_elementwise(p, y):
    """Each sample's and output's -(y log p + (1 - y) log(1 - p)), shape of p; p is clipped
    to [1e-15, 1 - 1e-15], so the result is finite even at p = 0 or 1."""
    p, y = _bce_pair(p, y)
    q = np.clip(p, CLIP, 1.0 - CLIP)
    return -(y * np.log(q) + (1.0 - y) * np.log1p(-q))


def bce(p, y):
    """Binary cross-entropy, the mean over samples of `bce_elementwise` summed over outputs."""
    p, y = _bce_pair(p, y)
    return np.sum(bce_elementwise(p, y), axis=(0, 1)) / y.shape[0]


def bce_grad(p, y):
    """dL/dp for `bce`: (p - y) / (p (1 - p)) / n, with p clipped away from 0 and 1."""
    p, y = _bce_pair(p, y)
    q = np.clip(p, CLIP, 1.0 - CLIP)
    return (q - y) / (q * (1.0 - q)) / y.shape[0]


def bce_with_logits(z, y):
    """`bce(sigmoid(z), y)` computed from the logits z, exact for any finite z."""
    z, y = _bce_pair(z, y, ("z", "y"))
    return np.sum(np.logaddexp(0.0, z) - y * z, axis=(0, 1)) / y.shape[0]


def sigmoid_bce_delta(p, y):
    """dL/dz for a sigmoid output trained with `bce`: the famous shortcut (p - y) / n."""
    p, y = _bce_pair(p, y)
    return (p - y) / y.shape[0]


def mse_elementwise(p, y):
    """Each sample's and output's squared error (p - y)^2."""
    p, y = _validate.same_shape(p, y)
    return (p - y) ** 2


def mse(p, y):
    """Mean squared error: mean over samples of sum over outputs of (p - y)^2."""
    p, y = _validate.same_shape(p, y)
    return np.sum(mse_elementwise(p, y), axis=(0, 1)) / y.shape[0]


def mse_grad(p, y):
    """dL/dp for `mse`: 2 (p - y) / n."""
    p, y = _validate.same_shape(p, y)
    return 2.0 * (p - y) / y.shape[0]


@dataclass(frozen=True)
class Loss:
    """A loss `value(p, y)`, its gradient `grad(p, y)` = dL/dp, its per-sample terms
    `elementwise(p, y)` (same shape as p), and `through_sigmoid(p, y)`: dL/dz for a sigmoid
    output p = sigma(z), dL/dp times p (1 - p) in closed form, exact where the sigmoid saturates
    (None for a loss without one)."""

    name: str
    value: object
    grad: object
    elementwise: object
    through_sigmoid: object = None


LOSSES = {
    "bce": Loss("bce", bce, bce_grad, bce_elementwise, sigmoid_bce_delta),
    "mse": Loss("mse", mse, mse_grad, mse_elementwise),
}
