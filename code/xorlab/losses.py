"""Losses averaged over samples, with their gradients.

Shapes: predictions `p` and targets `y` are `(n, k)` (a trailing axis of networks is allowed).
A loss is the mean over the n samples of the sum over the k outputs.
"""

from dataclasses import dataclass

import numpy as np

CLIP = 1e-15


def bce_elementwise(p, y):
    """Each sample's and output's -(y log p + (1 - y) log(1 - p)), shape of p; p is clipped
    to [1e-15, 1 - 1e-15], so the result is finite even at p = 0 or 1."""
    q = np.clip(p, CLIP, 1.0 - CLIP)
    return -(y * np.log(q) + (1.0 - y) * np.log1p(-q))


def bce(p, y):
    """Binary cross-entropy, the mean over samples of `bce_elementwise` summed over outputs."""
    return np.sum(bce_elementwise(p, y), axis=(0, 1)) / y.shape[0]


def bce_grad(p, y):
    """dL/dp for `bce`: (p - y) / (p (1 - p)) / n, with p clipped away from 0 and 1."""
    q = np.clip(p, CLIP, 1.0 - CLIP)
    return (q - y) / (q * (1.0 - q)) / y.shape[0]


def bce_with_logits(z, y):
    """`bce(sigmoid(z), y)` computed from the logits z, exact for any finite z."""
    return np.sum(np.logaddexp(0.0, z) - y * z, axis=(0, 1)) / y.shape[0]


def sigmoid_bce_delta(p, y):
    """dL/dz for a sigmoid output trained with `bce`: the famous shortcut (p - y) / n."""
    return (p - y) / y.shape[0]


def mse_elementwise(p, y):
    """Each sample's and output's squared error (p - y)^2."""
    return (p - y) ** 2


def mse(p, y):
    """Mean squared error: mean over samples of sum over outputs of (p - y)^2."""
    return np.sum(mse_elementwise(p, y), axis=(0, 1)) / y.shape[0]


def mse_grad(p, y):
    """dL/dp for `mse`: 2 (p - y) / n."""
    return 2.0 * (p - y) / y.shape[0]


@dataclass(frozen=True)
class Loss:
    """A loss `value(p, y)`, its gradient `grad(p, y)` = dL/dp, and its per-sample terms
    `elementwise(p, y)` (same shape as p)."""

    name: str
    value: object
    grad: object
    elementwise: object


LOSSES = {
    "bce": Loss("bce", bce, bce_grad, bce_elementwise),
    "mse": Loss("mse", mse, mse_grad, mse_elementwise),
}
