"""Is the reader's update a gradient step at all? A gradient read off an update (`xorlab.adapt`)
is a gradient only if the update is a gradient step: in proportion to the rate (nothing left
at rate 0), finite where the loss's gradient is finite, and continuing from the weights the
last epoch left. The adapter measures the reader's first epochs from the start (`probe`):

* the move of one epoch at rate 0, and at two tiny rates r and 10 r: a move left at rate 0
  (momentum applied to the weights) or one that grows faster than the rate (the rate applied
  twice) is not a gradient step;
* the first epochs of the reader's run: weights that are not finite after one of them, while
  the loss and its finite-difference gradient at the start are finite (an optimiser whose
  state breaks at once; at rate 0 too, else it may be the rate), or an epoch that ends at
  the same weights whatever weights it is given (the weights re-initialised in every epoch);
* the gradient read off the update: one number added to every entry of a square weight
  matrix whose loss gradient varies (x.T @ d of 1-D rows, a dot product, where the outer
  product belongs); with a rate the adapter cannot set, the loss's gradient plus a part in
  proportion to the weights themselves (what is left at rate 0 when it can).

When one of these shows and the reader's own run solves the task, it is healthy (the summary
says what was measured). When the run does not, the gradient read off the update means
nothing: the doctor reports the update instead (a measure too small to name on its own, a
run that breaks only at its own rate, is left to the other phases), and verifies it: plain
gradient descent with the finite-difference gradient of the reader's loss, from their start,
at their rate, for their epochs, reaches a solution (or ends below half where their run
ends). When it does not, "cannot tell", with what was measured.
"""

import numpy as np

from . import runs, verify
from .findings import Finding
from .later import finite_differences
from .loss import standard_losses
from .probe import EDGE
from .reader import flatten

FREE_SHARE = 0.1
"""A move left at rate 0 counts when it is at least this share of the move at the reader's
rate (a decoupled weight decay of 1e-4 is not)."""

MAX_STEPS = 5000
"""The verifying run of plain gradient descent is at most this many steps."""


def _loss(reader):
    """The reader's printed loss, else the first standard loss of the outputs that is finite
    at the start (BCE needs outputs in (0, 1)), with its name."""
    if reader.printed is not None:
        return reader.printed, "your loss"
    out = reader.predict(reader.params, reader.X)
    with np.errstate(all="ignore"):
        name, of_outputs = next(
            ((k, f) for k, f in standard_losses(reader.y).items() if np.isfinite(f(out))),
            ("mean squared error", standard_losses(reader.y)["mean squared error"]),
        )
    return (lambda p: float(of_outputs(reader.predict(p, reader.X)))), f"the {name}"


def _norm(v):
    return float(np.linalg.norm(v))


def _rate_lines(probe, reader, slope):
    """What the moves at rates 0, r and 10 r show against the loss's gradient `slope` (flat):
    (title detail, evidence lines), or None when they are a gradient step's (or the rate the
    adapter sets does not reach the update)."""
    moves, r = probe["moves"], probe["rate"]
    if moves is None or any(m is None or not np.all(np.isfinite(m)) for m in moves):
        return None
    at0, at1, at10 = moves
    part1, part10 = at1 - at0, at10 - at0
    if _norm(part1) == 0 and _norm(part10) == 0 and _norm(at0) > 0:
        return ": it ignores the rate you named", [
            f"one epoch moves the weights by up to {float(np.abs(at0).max()):.3g} at rates 0, "
            f"{r:.3g} and {10 * r:.3g} alike: your update does not use the rate `lr` names "
            "(it uses none, or one of its own)"
        ]
    if _norm(part1) == 0 or _norm(part10) == 0:
        return None  # nothing moves at any rate: no measure
    power = float(np.log10(_norm(part10) / _norm(part1)))
    whole = _norm(at0) + reader.lr**power * _norm(part1) / r**power
    free = _norm(at0) >= FREE_SHARE * whole
    if not free and power < 1.5:
        return None
    read = part1 / r**power
    cosine = float(read @ slope / max(_norm(read) * _norm(slope), 1e-300))
    agree = f"what the rate multiplies against the loss's gradient: cosine {cosine:+.4f}"
    agree += f", length ratio {_norm(read) / max(_norm(slope), 1e-300):.3f}"
    if free:
        largest = float(np.abs(at0).max())
        return ": it moves the weights even at rate 0", [
            f"one epoch at rate 0 changes the weights by up to {largest:.3g} "
            f"({_norm(at0) / whole:.0%} of the move at your rate {reader.lr:g})",
            agree,
        ]
    said = "the rate squared" if abs(power - 2) < 0.2 else f"the rate to the power {power:.2f}"
    return f": it scales with {said}", [
        f"one epoch at rates {r:.3g} and {10 * r:.3g}: the second moves the weights "
        f"{10**power:.3g} times as far (a gradient step: 10 times)",
        agree,
    ]


def _broken(probe):
    """The reader's run breaks at once whatever the rate: its weights are not finite after
    one of its first epochs, and (when the rate can be set) after as many epochs at rate 0
    too (a rate too large would not be). (True, seen at rate 0) or (False, _)."""
    if probe["broken"] is None:
        return False, False
    if probe["moves"] is None:
        return True, False
    return probe["broken_at_0"] is not None, True


def _dotted(reader, slope):
    """The square weight matrices whose update adds one number to every entry while the
    loss's gradient there varies: (name, that number, the gradient's trace), as a dot
    product of 1-D rows (x.T @ d with x and d 1-D) where an outer product belongs."""
    start, found = 0, []
    for k, g in reader.grads.items():
        true = slope[start : start + g.size].reshape(g.shape)
        start += g.size
        if g.ndim != 2 or g.shape[0] != g.shape[1] or g.shape[0] < 2:
            continue
        top = float(np.abs(g).max())  # equal to the probe's round-off; the truth varies
        if 0 < top and np.ptp(g) <= 1e-6 * top and np.ptp(true) > 1e-2 * np.abs(true).max():
            found.append((k, float(g.flat[0]), float(np.trace(true))))
    return found


def _weighted(reader, slope):
    """With a rate the adapter cannot set: the gradient read off the update as a times the
    loss's gradient plus c times the weights themselves (least squares, to 1e-3), a fit the
    gradient alone misses by 10 times as much (momentum applied to the weights, w = mu w -
    lr g, reads as g + (1 - mu) / lr w; a decoupled weight decay too): (the weights' part is
    below `FREE_SHARE` of it, title detail, evidence lines), or None."""
    g, w = flatten(reader.grads.values()), flatten(reader.params.values())
    if not (np.all(np.isfinite(g)) and np.all(np.isfinite(slope))) or _norm(g) == 0:
        return None
    both = np.stack([slope, w], axis=1)
    (a, c), *_ = np.linalg.lstsq(both, g, rcond=None)
    alone = g - (slope @ g) / max(slope @ slope, 1e-300) * slope
    missed = _norm(g - both @ [a, c])
    if a <= 0 or missed > 1e-3 * _norm(g) or _norm(alone) <= 10 * missed:
        return None
    return (
        _norm(c * w) < FREE_SHARE * _norm(g),
        ": it also moves the weights in proportion to themselves",
        [
            f"the gradient read off your update is {a:.3g} times the loss's gradient plus {c:.3g} "
            f"times the weights themselves (to 1e-3): every epoch also multiplies the weights by "
            f"{1 - c * reader.lr:.3g}"
        ],
    )


def _edge_targets(probe, start):
    """What `_measured` returns for weights that break at rate 0 only with the targets at
    exactly 0 or 1 (the probe's "edge"): the gradient is not finite there."""
    k, moved = probe["broken_at_0"], f"{EDGE:g} inside [0, 1]"
    line = (
        f"at rate 0 a weight is NaN or infinite after {k} epoch(s) of your training; with the "
        f"targets of 0 and 1 moved {moved}, every weight stays finite (at rate 0 a finite "
        f"gradient moves nothing), while the loss ({start:.4f}) and its finite-difference "
        f"gradient at the start are finite"
    )
    return "edge_targets", "", [line], False, False, {}


def _measured(reader, probe, slope, start):
    """(code, title detail, evidence lines, verified only, weak, title fields) of what the
    probe shows, or None. `verified only`: report only when plain descent verifies (else it
    may be the rate); `weak`: too little to name, unless the run solves the task anyway."""
    finite = np.isfinite(start) and np.all(np.isfinite(slope))
    broken, at_tiny = _broken(probe)
    if broken and finite and probe.get("edge"):
        return _edge_targets(probe, start)
    if broken and finite:
        k = probe["broken"]
        tiny = f", and after {probe['broken_at_0']} at rate 0" if at_tiny else ""
        return (
            "not_a_step",
            f": your optimiser breaks the weights within {k} update(s)",
            [
                f"after {k} epoch(s) of your run a weight is NaN or infinite{tiny}, while the "
                f"loss ({start:.4f}) and its finite-difference gradient at the start are finite"
            ],
            not at_tiny,
            False,
            {},
        )
    if probe["resets"]:
        return (
            "reset_each_epoch",
            "",
            [
                "where an epoch of your training ends does not depend on the weights it is "
                "given (two starts 1e-3 apart end at the same weights): each epoch starts "
                "again from weights of its own, not from those the last epoch left"
            ],
            False,
            False,
            {},
        )
    dotted = _dotted(reader, slope)
    if dotted:
        lines = [
            f"{k}: every entry of its update is {c:.4g}; the loss's gradient there varies, "
            f"and its trace is {t:.4g}"
            for k, c, t in dotted
        ]
        named = ", ".join(k for k, _, _ in dotted)
        return "dot_for_outer", "", lines, False, False, {"array": named}
    if probe["moves"] is not None:
        rated = _rate_lines(probe, reader, slope)
        return rated and ("not_a_step", *rated, False, False, {})
    weighted = _weighted(reader, slope)
    return weighted and ("not_a_step", *weighted[1:], False, weighted[0], {})


ADAM = (0.9, 0.999, 1e-8)
"""Adam's constants as Kingma and Ba publish them: beta1, beta2, epsilon."""


def _plain(reader, loss, steps, adam=False):
    """Plain gradient descent (or Adam, with `ADAM`'s constants) with the finite-difference
    gradient of `loss`, from the reader's start at the reader's rate: (solved, losses)."""
    p = {k: v.copy() for k, v in reader.params.items()}
    (b1, b2, eps), m, v = ADAM, 0.0, 0.0
    losses = [loss(p)]
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            g = move = finite_differences(loss, p)
            if adam:
                m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g**2
                move = m / (1 - b1**t) / (np.sqrt(v / (1 - b2**t)) + eps)
            start = 0
            for k in p:
                size = p[k].size
                p[k] = p[k] - reader.lr * move[start : start + size].reshape(p[k].shape)
                start += size
            losses.append(loss(p))
            if not np.isfinite(losses[-1]):
                break
    losses = np.array(losses)
    return runs.solved(reader, losses, p), losses


TEXTBOOK = (("plain gradient descent", False), ("Adam (0.9, 0.999, 1e-8)", True))
"""The updates tried with the loss's own gradient, in this order."""


def textbook(reader, loss, yours, named="your loss"):
    """Plain gradient descent, then Adam, with the finite-difference gradient of `loss` (in
    words, `named`), from the reader's start at the reader's rate, for the reader's epochs:
    (the checked line of the first that trains: a solution, or below half where the reader's
    run `yours` ends; or None), and the "tried" lines of those that did not."""
    tried = []
    for name, adam in TEXTBOOK:
        solved, run = _plain(reader, loss, min(reader.epochs, MAX_STEPS), adam)
        said = f"{name} with the finite-difference gradient of {named}, from your start at "
        said += f"your rate {reader.lr:g}: {verify.told(run)}"
        lower = not np.isfinite(yours[-1]) or run[-1] < 0.5 * yours[-1]
        if solved or (verify.falls(run) and lower):
            done = ", every output on the right side" if solved else ", below half where yours ends"
            return f"checked: {said}{done}", tried
        tried.append(f"tried: {said}")
    return None, tried


def examine(reader):
    """What the probe shows about an update that is not a gradient step (see the module):
    (the finding or None, the summary of a run that solves the task anyway, that run), or
    None when it shows nothing (or too little to name without a run that solves)."""
    probe = getattr(reader.step, "probe", None)
    if probe is None:
        return None
    probe = probe()
    loss, named = _loss(reader)
    with np.errstate(all="ignore"):
        start = loss(reader.params)
        slope = finite_differences(loss, reader.params)
    found = _measured(reader, probe, slope, start)
    if not found:
        return None
    code, detail, lines, verified_only, weak, fields = found
    yours = np.array([np.nan])
    if probe["broken"] is None:
        solved, yours = runs.solves(reader, loss, reader.step)
        if solved:
            run = f"{verify.told(yours)}, every output on the right side" if reader.predict else ""
            run = run or f"{verify.told(yours)}, below half its start"
            said = detail.split(":", 1)[-1].strip().removeprefix("it ") or "starts again"
            return None, f"your update {said}, and it trains: {run}", yours
        if weak:
            return None
        lines.append(f"your run: {verify.told(yours)}")
    checked, tried = textbook(reader, loss, yours, named)
    if checked is None:
        if verified_only:
            return None
        lines += [*tried, "so I cannot tell what else keeps it from training"]
        return Finding.of("cannot_tell", "\n".join(lines)), "", None
    lines.append(checked)
    return Finding.of(code, "\n".join(lines), detail, **fields), "", None
