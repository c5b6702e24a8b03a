"""The model's capacity: when outputs fit their targets, outputs that are one number for
any weights, an output pinned at the all-zero input (no biases), and a network that is linear
on data no line separates."""

import numpy as np

from ..core.data import solved as solved_at
from .findings import Finding
from .reader import moved

MARGIN = 0.1
"""An output is on its target's side when it is past the targets' middle by at least this
share of the way to the target (above 0.55 for a 1 of 0/1 targets): outputs a hair past the
middle are not a fit."""


def fits(out, y):
    """Every output of out: (n, k) finite and on its target's side of the targets' middle
    (0.5 for 0/1 targets and one-hot rows, 0 for -1/+1), by `MARGIN`; y: (n, k)."""
    out = np.asarray(out, dtype=np.float64)  # pragma: no mutate (float outputs: the same)
    lo, hi = float(y.min()), float(y.max())
    mid = (lo + hi) / 2
    clear = np.abs(out - mid) > MARGIN * (hi - lo) / 2  # pragma: no mutate (>= at = only)
    return bool(np.all(np.isfinite(out)) and solved_at(out, y, mid) and np.all(clear))


def constant(params, predict, X):
    """Every output on X: (n, d_in) is one and the same number, at the params and with
    every weight moved (`reader.moved`, both ways): the finding in a list, or []."""
    value = predict(params, X).flat[0]
    tried = (params, moved(params, 1.0), moved(params, -1.0))
    if not all(np.all(predict(p, X) == value) for p in tried):
        return []
    return [
        Finding.of(
            "constant_output",
            f"every output is {value:.6g} for every input, at your weights and with every "
            "weight moved by up to 0.5 either way",
        )
    ]


def pinned(params, predict, X, y, rng):
    """The output at an all-zero row of X: (n, d_in) does not move for 5 random weight
    settings and is on the wrong side of its target: the finding in a list, or []."""
    zero_rows = np.all(X == 0, axis=1)
    if not zero_rows.any():
        return []
    outs = []
    # pragma: no mutate start (a pinned output is pinned for any number and size of shakes)
    for _ in range(5):
        shaken = {k: v + rng.normal(0, 1, v.shape) for k, v in params.items()}
        outs.append(predict(shaken, X[zero_rows][:1]))
    value = float(outs[0].ravel()[0])
    # pragma: no mutate end
    mid = (y.min() + y.max()) / 2
    target = y[zero_rows][:, 0]
    # no mutants on the next two lines: no 0/1 or -1/+1 target lies at the middle (>=), and
    # the outputs of a pinned unit are equal to the last bit (atol, which output compared)
    wrong_side = np.any(np.where(target > mid, value <= mid, value >= mid))  # pragma: no mutate
    if all(np.allclose(o, outs[0], atol=1e-12) for o in outs) and wrong_side:  # pragma: no mutate
        return [
            Finding.of(
                "no_bias",
                f"output {value:.4f} at x = 0 for 5 random weight settings; target "
                f"{float(y[zero_rows][0, 0]):g}",
            )
        ]
    return []


def linear(params, predict, X, y, rng):
    """The output's logit is affine in the inputs over the data region, and no line separates
    the classes of y: (n, 1): the finding in a list, or [] (also without `predict`)."""
    if predict is None or y.shape[1] != 1 or _linearly_separable(X, y):
        return []
    lo, hi = X.min(axis=0), X.max(axis=0)
    shape = (60, X.shape[1])  # pragma: no mutate (61 points tell the same)
    pts = np.vstack([X, rng.uniform(lo, hi, size=shape)])
    p = predict(params, pts)[:, :1]  # pragma: no mutate (:2 is the same: y has one column)
    if np.all((p > 0) & (p < 1)):
        p = np.log(p) - np.log1p(-p)
    A = np.column_stack([pts, np.ones(len(pts))])
    coef, *_ = np.linalg.lstsq(A, p, rcond=None)  # pragma: no mutate (numpy's default)
    spread = max(float(np.ptp(p)), 1e-12)
    residual = float(np.abs(A @ coef - p).max() / spread)
    if residual < 1e-6 and np.ptp(p) > 1e-9:  # pragma: no mutate (<=, >= differ at = only)
        return [
            Finding.of(
                "linear",
                f"an affine fit of the output's logit over the data region leaves relative "
                f"residual {residual:.1e}",
            )
        ]
    return []


def _linearly_separable(X, y):
    """Perceptron test: True if a line (hyperplane) separates the two classes of y: (n, 1)."""
    A = np.column_stack([X, np.ones(len(X))])
    # no mutants: a cut at a third, >= or class values of 2 and -2 keep each sample's sign
    s = np.where(y[:, 0] > (y.min() + y.max()) / 2, 1.0, -1.0)  # pragma: no mutate (signs)
    w = np.zeros(A.shape[1])
    for _ in range(1000):  # pragma: no mutate (1001 is the same)
        wrong = s * (A @ w) <= 0  # pragma: no mutate (s / (A @ w), <= 1: the same signs)
        if not wrong.any():
            return True
        i = np.argmax(wrong)
        w += s[i] * A[i]
    return False
