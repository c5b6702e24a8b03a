"""Advice tried before it is given: a finding that recommends a change to the update (flip
its sign, take smaller or larger steps) is applied to a copy of the reader's run, and kept
only when the loss then falls. When no suggested change makes it fall, the finding becomes
"cannot tell", with what was checked. (A gradient's findings are checked by finite
differences.)

A change is applied to the reader's own step, whatever its rule: the move of one step is
scaled, p + s * (step(p, g) - p). For plain gradient descent, s = 0.1 is a tenth of the
learning rate and s = -1 flips the update's sign; for momentum or Adam it scales (or flips)
every move the same way.
"""

import numpy as np

from .capacity import fits
from .causes import CAUSES
from .findings import Finding
from .reader import copy, flatten
from .runs import run, solved

SMALLER = (0.1, 0.01, 1e-3, 1e-4, 1e-6)
"""The step scales tried for "the steps are too large" (down to 1e-6: a rate typed 1e3 for
1e-3 takes steps 1e6 times too large)."""

LARGER = (10.0, 100.0, 1e3, 1e4, 1e6, 1e8)
"""The step scales tried for "the learning rate is too small" (up to 1e8: an optimiser whose
epsilon was typed 1e8 for 1e-8 takes steps about 1e-8 of a gradient step)."""

LEARNING_RATE = frozenset({"diverged", "lr_too_large", "lr_too_small"})
"""Findings whose advice is another learning rate."""

WRONG_WAY = frozenset({"update_climbs", "sign_flip"})
"""Findings whose advice is to flip a sign (of the update or of the gradient)."""


def scaled(step, s):
    """The reader's `step(p, g)` with every move scaled by `s` (keeps `ignores_grads`)."""

    def moved(p, g):
        after = step(copy(p), g)
        return {k: p[k] + s * (np.asarray(after[k], dtype=np.float64) - p[k]) for k in p}

    moved.ignores_grads = getattr(step, "ignores_grads", False)
    return moved


def falls(losses):
    """The loss falls: finite throughout, below 0.99 of its start at the end, and most steps
    go down."""
    d = np.diff(losses)
    finite = bool(np.all(np.isfinite(losses)))
    return finite and len(d) > 0 and losses[-1] < 0.99 * losses[0] and np.mean(d > 0) < 0.5


def falls_clearly(losses):
    """The loss falls (`falls`) to below 0.9 of its start."""
    return falls(losses) and losses[-1] < 0.9 * losses[0]  # pragma: no mutate (<= at = only)


def descends(losses):
    """The steps go downhill: the run (until a non-finite loss) reaches below 0.999 of its
    start. (Not its first step: a stateful step, momentum, may carry the doctor's earlier
    runs in its state.)"""
    finite = losses[np.isfinite(losses)]
    return len(finite) > 1 and finite.min() < 0.999 * finite[0]  # pragma: no mutate (<= at = only)


def told(losses):
    """A run in words: 'loss a -> b in n steps' or 'loss a -> NaN at step k'."""
    if not np.isfinite(losses[-1]):
        return f"loss {losses[0]:.4f} -> NaN or inf at step {len(losses) - 1}"
    return f"loss {losses[0]:.4f} -> {losses[-1]:.4f} in {len(losses) - 1} steps"


def _tried(reader, loss, scales, works):
    """Runs of the reader's step scaled by each of `scales` until one `works(losses)`:
    (that scale or None, ["your update's steps times s: the run", ...])."""
    lines = []
    for s in scales:
        losses, _ = run(reader, loss, scaled(reader.step, s))
        if works is descends and descends(losses):
            low = int(np.nanargmin(np.where(np.isfinite(losses), losses, np.nan)))
            said = f"loss {losses[0]:.4f} falls to {losses[low]:.4f} within {low} steps"
        else:
            said = told(losses)
        lines.append(f"your update's steps times {s:g}: {said}")
        if works(losses):
            return s, lines
    return None, lines


def checked(reader, loss, finding, gradient_ok, losses=None):
    """`finding` with its advice tried: the finding with the evidence that the change works
    added, or a "cannot tell" finding saying what was checked. Findings whose advice cannot
    be tried here are returned as they are. Another rate must also end below the reader's
    own run (`losses`, when given and finite)."""
    end = np.inf if losses is None or not np.isfinite(losses[-1]) else losses[-1]
    if finding.code == "lr_too_small":
        scale, lines = _tried(reader, loss, LARGER, lambda r: falls_clearly(r) and r[-1] < end)
        change = "larger steps"
    elif finding.code in LEARNING_RATE:
        scale, lines = _tried(reader, loss, SMALLER, lambda r: falls(r) and r[-1] < end)
        change = "smaller steps"
    elif finding.code == "update_climbs":  # a wrong gradient's check is finite differences
        scale, lines = _tried(reader, loss, (-1.0,), descends)
        change = "the update's sign flipped"
    else:
        return finding
    if scale is not None:
        finding.evidence += f"\nchecked: {lines[-1]}"
        if finding.code in LEARNING_RATE:  # a finding's own `where` is kept, with the scale
            said = f"{scale:g} times yours made the loss fall"
            own = finding.where != CAUSES[finding.code].where
            lead = f"{finding.where}: steps" if own else "the learning rate:"
            finding.where = f"{lead} {said}"
        return finding
    below = f" below where your own run ends ({end:.4f})" if np.isfinite(end) else ""
    change += f" did not make the loss fall{below if finding.code in LEARNING_RATE else ''}"
    return cannot_tell(finding, lines, change, gradient_ok, _update(reader))


def _update(reader):
    """The reader's first step in words: its direction against the gradient, or not finite."""
    if getattr(reader.step, "ignores_grads", False):
        return "the update is your training method (its gradient read from its steps)"
    with np.errstate(all="ignore"):
        after = reader.step(copy(reader.params), reader.grads)
        move = flatten(np.asarray(after[k]) - reader.params[k] for k in after)
    if not np.all(np.isfinite(move)):
        return "the update's first step is not finite (NaN or inf) at the start"
    g = flatten(reader.grads[k] for k in after)
    cosine = -move @ g / max(np.linalg.norm(move) * np.linalg.norm(g), 1e-300)
    return f"the update's first step against the gradient: cosine {cosine:+.3f} (descent is +1)"


def cannot_tell(finding, lines, change, gradient_ok, update=""):
    """The "cannot tell" finding after `finding`'s advice (`change`) did not make the loss
    fall: what was measured (the gradient, the `update` in words) and what was tried
    (`lines`)."""
    gradient = (
        "the gradient agrees with finite differences of the loss"
        if gradient_ok
        else "the gradient disagrees with finite differences"
    )
    evidence = [gradient, *([update] if update else [])]
    evidence += [f"seen: {line}" for line in finding.evidence.splitlines()]
    evidence += [f"tried: {line}" for line in lines]
    evidence += [f"{change}, so that is not the fix"]
    return Finding.of("cannot_tell", "\n".join(evidence))


def undecided(finding, reason):
    """The "cannot tell" finding for a `finding` whose evidence the doctor could not gather
    (`reason`)."""
    return Finding.of("cannot_tell", f"{reason}\nyour run: {finding.evidence.splitlines()[-1]}")


def _better(reader, loss, losses, step):
    """The run of `step` (a change to the reader's update) in words when it makes the loss
    fall, to below half where the reader's run ends (or to a solution); else None."""
    fresh, end = run(reader, loss, step)
    fit = reader.predict is not None and solved(reader, fresh, end)
    lower = not np.isfinite(losses[-1]) or fresh[-1] < 0.5 * losses[-1]
    if not (fit or (falls(fresh) and lower)):
        return None
    return told(fresh) + (", every output on the right side" if fit else "")


def update_rule(reader, loss, losses):
    """Gradient right, run not training: is the update rule the problem? With the reader's
    object, the same epochs with targets shaped like the outputs, then with float64 weights
    (when the reader's are coarser); with a stateful step
    (the reader's object, or a step function with state), the same epochs each from a fresh
    copy of it (its state and schedule as at the start: every epoch a first update); with a
    step function of the gradient, plain gradient descent with that gradient at the reader's
    rate. The finding when that change verifies (`_better`), else None."""
    afresh = getattr(reader.step, "afresh", None)
    if afresh is None:  # the doctor's own plain step: no rule of the reader's to blame
        return None
    yours = f"your run, each epoch continuing the last: {told(losses)}"
    reshaped = getattr(reader.step, "reshaped", None)
    moved = reshaped and _better(reader, loss, losses, reshaped)
    if moved:
        flat, column = reshaped.shapes
        said = f"y of shape {flat} against outputs of {column}; checked: the same epochs with "
        said += f"y of shape {column} (the loss is still yours): {moved}"
        return Finding.of("target_shape", f"{yours}\n{said}")
    exact = getattr(reader.step, "exact", None)
    moved = exact and _better(reader, loss, losses, exact)
    if moved:
        return _coarse(exact.dtypes, f"{yours}\nchecked: the same epochs, float64 weights: {moved}")
    moved = _better(reader, loss, losses, afresh)
    if moved:
        fresh = "each from a fresh copy of your step (its state and schedule as at the start)"
        return Finding.of("carried_update", f"{yours}\nchecked: the same epochs, {fresh}: {moved}")
    if getattr(reader.step, "ignores_grads", False):
        return None  # its gradient was read off the update: it holds the rule too
    lr = reader.lr
    moved = _better(reader, loss, losses, lambda p, g: {k: p[k] - lr * g[k] for k in p})
    if moved:
        plain = f"plain gradient descent with your gradient, p - {lr:g} * g"
        return Finding.of("step_rule", f"{yours}\nchecked: {plain}: {moved}")
    return None


def _coarse(dtypes, evidence):
    """The finding for weights stored coarser than float64 ({name: dtype}), whose run with
    float64 weights trains (`evidence`)."""
    named = sorted({np.dtype(d).name for d in dtypes.values()})
    lines = [
        f"{', '.join(k for k, d in dtypes.items() if np.dtype(d).name == name)} stored as "
        f"{name}: neighbouring {name} numbers are up to {np.finfo(name).eps:.1e} of their size "
        "apart, and an update below half that gap is rounded away"
        for name in named
    ]
    return Finding.of("low_precision", "\n".join([*lines, evidence]), dtype=", ".join(named))


def unreachable(reader):
    """Targets outside [0, 1] that the reader's outputs, staying inside it, cannot reach:
    their run ends unfitted with every output in [0, 1], and the same training with the
    targets mapped onto [0, 1] (the step's `mapped`) fits the mapped targets. The finding,
    else None."""
    mapped = getattr(reader.step, "mapped", None)
    if mapped is None or reader.predict is None:
        return None
    ends = [run(reader, None, step)[1] for step in (reader.step, mapped)]
    with np.errstate(all="ignore"):
        out, again = (reader.predict(p, reader.X) for p in ends)
    lo, hi = mapped.bounds
    inside = bool(np.all((out >= 0) & (out <= 1)))
    if not inside or fits(out, reader.y) or not fits(again, (reader.y - lo) / (hi - lo)):
        return None
    evidence = (
        f"your targets run from {lo:g} to {hi:g}; your outputs stay within [0, 1]: after your "
        f"run they span {out.min():.3f} to {out.max():.3f}\nchecked: the same training with "
        f"the targets mapped onto [0, 1], (y - {lo:g}) / {hi - lo:g}: every output on the "
        "right side"
    )
    return Finding.of("unreachable_targets", evidence)
