"""Samples an epoch leaves out: the gradient read off the reader's epoch disagrees with the
loss's, yet it is a mix of one-sample gradients in which some samples have no weight and the
others a positive one (a `return` inside the sample loop, a mini-batch slice or range that
misses samples, updates dedented out of the loop). The one-sample gradients come from the
reader's own code run on each sample alone (when their mean is along the loss's gradient), or
else from finite differences of the standard loss that agrees with the loss's gradient."""

import numpy as np

from .findings import Finding
from .later import finite_differences, loss_of
from .loss import standard_losses
from .reader import flatten

CLOSE = 1e-3
"""Relative error within which a gradient read off an update counts as equal (the probe's
own error is about 1e-4 of the step)."""

BY_CODE = "each sample alone, your code's gradient agrees with finite differences of the loss"
BY_LOSS = "finite differences of the {} on each sample alone"


def skipped(reader, report):
    """The finding for samples the reader's epoch never uses (see the module), from the
    gradient check `report` and one-sample gradients; None when the evidence does not hold."""
    names = list(report.checks)
    numeric = flatten(report[k].numeric for k in names)
    G, source = _by_code(reader, names), BY_CODE
    if G is None or not _along(G.mean(axis=1), numeric):
        G, source = _by_loss(reader, names, numeric)
    if G is None or G.shape[0] < 2 * G.shape[1] or np.linalg.matrix_rank(G) < G.shape[1]:
        return None  # too few directions per sample: a mix would fit any gradient
    g = flatten(reader.grads[k] for k in names)
    c = np.linalg.lstsq(G, g, rcond=None)[0]
    if np.linalg.norm(G @ c - g) > CLOSE * np.linalg.norm(g):
        return None
    out = np.abs(c) < CLOSE * np.abs(c).max()
    if not out.any() or out.all() or c[~out].min() <= 0:
        return None  # a skip leaves the other samples in, each with a positive weight
    rows = ", ".join(f"X[{i}]" for i in np.flatnonzero(out))
    weights = ", ".join("0" if o else f"{w:.3g}" for w, o in zip(c, out))
    evidence = (
        f"{source} (their mean is along the loss's gradient, up to a constant factor)\nthe "
        f"whole epoch's gradient is their mix with weights {weights}: your update never "
        f"uses {rows}"
    )
    return Finding.of("skipped_samples", evidence, f": {rows}")


def _by_code(reader, names):
    """The reader's code's gradient on each sample alone, from the adapter's one-sample
    epochs (`step.per_sample`): (size, n), or None (no such epochs, or they fail or give
    something not finite)."""
    per_sample = getattr(reader.step, "per_sample", None)
    if per_sample is None:
        return None
    try:
        ones = per_sample(reader.params)
    except Exception:  # noqa: BLE001  (the reader's code, on data it never sees)
        return None
    G = np.stack([flatten(d[k] for k in names) for d in ones], axis=1)
    return G if np.all(np.isfinite(G)) else None


def _by_loss(reader, names, numeric):
    """Finite differences, sample by sample, of the first standard loss whose gradient over
    every sample is along `numeric`: ((size, n), the source's words), or (None, None)."""
    if reader.predict is None:
        return None, None
    p, n = {k: reader.params[k] for k in names}, len(reader.y)
    for name in standard_losses(reader.y):
        try:
            G = np.stack([finite_differences(_one(reader, name, i), p) for i in range(n)], 1)
        except Exception:  # noqa: BLE001  (the reader's predict, on one sample)
            return None, None
        if np.all(np.isfinite(G)) and _along(G.sum(axis=1), numeric):
            return G, BY_LOSS.format(name)
    return None, None


def _one(reader, name, i):
    """The standard loss `name` of sample i alone, as a function of the params."""
    return loss_of(reader, name, reader.X[i : i + 1], reader.y[i : i + 1])


def _along(a, b):
    """a is a positive multiple of b, to `CLOSE` (relative)."""
    scale = a @ b / max(a @ a, 1e-300)
    return scale > 0 and np.linalg.norm(scale * a - b) <= CLOSE * np.linalg.norm(b)
