"""Samples an epoch leaves out: the gradient read off the reader's epoch disagrees with the
loss's, yet the same code run on each sample alone agrees with it (their mean, up to a
constant factor), and the epoch's gradient is a mix of those one-sample gradients in which
some samples have no weight and the others a positive one (a `return` inside the sample
loop, a mini-batch slice that misses samples, updates dedented out of the loop)."""

import numpy as np

from .findings import Finding

CLOSE = 1e-3
"""Relative error within which a gradient read off an update counts as equal (the probe's
own error is about 1e-4 of the step)."""


def skipped(reader, report):
    """The finding for samples the reader's epoch never uses (see the module), from the
    adapter's one-sample epochs (`step.per_sample`) and the gradient check `report`; None
    when the evidence does not hold (or the reader's code fails on one sample)."""
    per_sample = getattr(reader.step, "per_sample", None)
    if per_sample is None:
        return None
    names = list(report.checks)
    try:
        ones = per_sample(reader.params)
    except Exception:  # noqa: BLE001  (the reader's code, on data it never sees)
        return None
    G = np.stack([np.concatenate([d[k].ravel() for k in names]) for d in ones], axis=1)
    if not np.all(np.isfinite(G)) or np.linalg.matrix_rank(G) < G.shape[1]:
        return None  # more samples than the gradient has directions: no mix is unique
    numeric = np.concatenate([report[k].numeric.ravel() for k in names])
    if not _along(G.mean(axis=1), numeric):
        return None
    g = np.concatenate([reader.grads[k].ravel() for k in names])
    c = np.linalg.lstsq(G, g, rcond=None)[0]
    if np.linalg.norm(G @ c - g) > CLOSE * np.linalg.norm(g):
        return None
    out = np.abs(c) < CLOSE * np.abs(c).max()
    if not out.any() or out.all() or c[~out].min() <= 0:
        return None  # a skip leaves the other samples in, each with a positive weight
    rows = ", ".join(f"X[{i}]" for i in np.flatnonzero(out))
    weights = ", ".join("0" if o else f"{w:.3g}" for w, o in zip(c, out))
    evidence = (
        "each sample alone, your code's gradient agrees with finite differences of the loss "
        f"(their mean, up to a constant factor)\nthe whole epoch's is their mix with weights "
        f"{weights}: {rows} never reach your update"
    )
    return Finding.of("skipped_samples", evidence, f": {rows}")


def _along(a, b):
    """a is a positive multiple of b, to `CLOSE` (relative)."""
    scale = a @ b / max(a @ a, 1e-300)
    return scale > 0 and np.linalg.norm(scale * a - b) <= CLOSE * np.linalg.norm(b)
