"""Runs of a step from the reader's start, and whether a run's end solves the task: the one
way every phase trains (the reader's run, a change to it tried, the same training on other
targets) and judges where it ends."""

import numpy as np

from .capacity import fits
from .reader import copy


def advance(step, grad):
    """One step as a function of the params: step(p, grad(p)), or step(p, None) for a step
    that ignores the gradient (`ignores_grads`: a trainer that reads its own)."""
    if getattr(step, "ignores_grads", False):
        return lambda p: step(p, None)
    return lambda p: step(p, grad(p))


def run(reader, loss, step):
    """`reader.epochs` steps of `step` from the reader's params, stopping at a non-finite loss
    (`loss(params)`; None: every step runs and no loss is read): (losses (steps + 1,), or
    (0,) without a loss; the params at the end, float64)."""
    p, losses = copy(reader.params), [] if loss is None else [loss(reader.params)]
    move = advance(step, reader.gradient)
    with np.errstate(all="ignore"):
        for _ in range(reader.epochs):
            p = {k: np.asarray(v, dtype=np.float64) for k, v in move(p).items()}
            if loss is not None:
                losses.append(loss(p))
                if not np.isfinite(losses[-1]):
                    break
    return np.array(losses), p


def solved(reader, losses, end):
    """A run (its `losses` (steps + 1,), its `end` params) solves the task: its loss is finite
    at the end, and every output is on its target's side (`fits`), or without predict, the
    loss ends below half its start."""
    if not np.isfinite(losses[-1]):
        return False
    if reader.predict is None:
        return bool(losses[-1] < 0.5 * losses[0])
    with np.errstate(all="ignore"):
        return fits(reader.predict(end, reader.X), reader.y)


def solves(reader, loss, step):
    """The run of `step` solves the task (`solved`): (bool, its losses (steps + 1,))."""
    losses, end = run(reader, loss, step)
    return solved(reader, losses, end), losses
