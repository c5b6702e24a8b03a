"""The gradient phase: the reader's gradient, array by array, against finite differences of a
loss, and the pattern of the error read off (`core.wrong_gradient.classify`)."""

import numpy as np

from ..core.gradcheck import check_gradients
from ..core.wrong_gradient import classify
from .findings import Finding
from .reader import copy, flatten


def joined(report):
    """The gradient check `report`'s analytic and numeric gradients, each array's flattened
    and joined in the report's order: (a, n), both (total size,)."""
    checks = report.checks.values()
    return flatten(c.analytic for c in checks), flatten(c.numeric for c in checks)


def _abs_error(check):
    """The largest |analytic - numeric| off the kinks of a failing check (one with every entry
    on a kink is ok, and never asked)."""
    keep = ~check.on_kink
    return float(np.abs(check.analytic[keep] - check.numeric[keep]).max())


PROBE_ERROR = 1e-3
"""A gradient read off an update at a tiny rate (`implied`) is first-order exact: along the
slope, its length may be off by this much (relative) and still be the loss's gradient."""


def agrees(check, floor, implied):
    """Agreement of one array's check, with an absolute floor under finite differences'
    round-off (tiny gradients at a small initialisation are checked to that floor, not to a
    relative 1e-5). An `implied` gradient (read off the reader's update) also agrees when it
    lies along the slope within the probe's own error: a "factor" of 1 within `PROBE_ERROR`."""
    if check.ok or _abs_error(check) <= floor:  # pragma: no mutate (< differs at = only)
        return True
    along = check.cosine > 0.9999  # pragma: no mutate (>= differs at = only)
    near = abs(check.norm_ratio - 1) < PROBE_ERROR  # pragma: no mutate (<= differs at = only)
    return implied and along and near


def failing(report, floor, implied):
    """The names of the arrays whose gradient disagrees with finite differences (`agrees`)."""
    return [k for k, c in report.checks.items() if not agrees(c, floor, implied)]


def check(loss, reader):
    """The gradient check of `reader.gradient` against finite differences of `loss(params)`,
    with failing arrays re-checked at a slightly jittered point: a mismatch that vanishes
    there came from a kink of ReLU at the original point (the loss has no derivative there),
    not a bug. Draws from `reader.rng` only when an array fails."""
    report = check_gradients(loss, reader.gradient, copy(reader.params))
    wrong = failing(report, reader.floor, reader.implied)
    if not wrong:
        return report
    jittered = {
        k: np.asarray(v + reader.rng.normal(0, 1e-3, v.shape))  # pragma: no mutate (any jitter)
        for k, v in reader.params.items()
    }
    again = check_gradients(loss, reader.gradient, jittered)
    for name in wrong:
        if agrees(again[name], reader.floor, reader.implied):
            report.checks[name] = again[name]
    return report


RATE_TWICE = (
    "the gradient you give: the loss's slope without the rate (a backward pass that returns "
    "lr * g, whose update then applies the rate twice; or a gradient read off an update with "
    "a rate other than your code's)"
)


def finding(report, names, n_samples, lr=None):
    """One finding for the failing arrays `names`: the cause is read from the largest array
    whose pattern shows (one-entry arrays show none), arrays stuck at exactly 0 first (of
    more than one entry: a single 0 may be chance), the other arrays are listed as evidence.
    A constant factor that is the learning rate `lr` (to 1%, in every array along the slope;
    not 1, n or 1/n) says so: the gradient holds the rate, and the step applies it again."""
    mixed = _mixed(report, names)
    if mixed:
        return mixed
    patterns = {
        k: classify(report[k].analytic, report[k].numeric, n_samples, skip=report[k].on_kink)
        for k in names
    }
    by_size = sorted(names, key=lambda k: -report[k].analytic.size)
    codes = [patterns[k].code for k in by_size if patterns[k].code]
    zero = [k for k in by_size if patterns[k].code == "zero_gradient"]
    zero = zero if any(report[k].analytic.size > 1 for k in zero) else []
    code = "zero_gradient" if zero else (codes[0] if codes else "wrong_gradient")
    if code == "sign_flip" and not all(_flipped(report[k]) for k in names if patterns[k].code):
        code = "wrong_gradient"  # mostly opposite is not minus the gradient: no sign to flip
    evidence = "\n".join(f"{k}: {patterns[k].evidence}" for k in by_size)
    detail = f" in {', '.join(zero or by_size)}"
    checks = [report[k] for k in names]
    plain = lr in (None, 1, n_samples, 1 / n_samples)  # the rate tells nothing, or n does
    if code == "constant_scale" and not plain and all(_is_rate(c, lr) for c in checks):
        said = f"the factor is your learning rate {lr:g}"
        evidence += f"\n{said}: the rate is in your gradient and in the step"
        return Finding.of(code, evidence, f"{detail}: your learning rate", RATE_TWICE)
    return Finding.of(code, evidence, detail)


MIXED = 1e-3
"""A failing array's error that is a multiple of another array's gradient to this share
(relative), and at least this share of its own gradient, is that array's gradient mixed in."""


def _mixed(report, names):
    """The finding when each of some failing arrays (`names`) is its own gradient plus a
    multiple of another array's of the same shape (the loss's, by finite differences), as a
    velocity or buffer shared between arrays makes it; else None."""
    lines = []
    for k in names:
        own = report[k]
        error = own.analytic - own.numeric
        for j, other in report.checks.items():
            if j == k or other.numeric.shape != error.shape or not other.numeric.any():
                continue
            c = float(np.sum(error * other.numeric) / np.sum(other.numeric**2))
            off = np.linalg.norm(error - c * other.numeric)
            big = np.linalg.norm(error) > MIXED * np.linalg.norm(own.numeric)
            if big and off <= MIXED * np.linalg.norm(error):  # pragma: no mutate (= only)
                lines.append(f"{k}: the loss's gradient of {k} plus {c:.3g} times that of {j}")
                break
    if not lines:
        return None
    detail = f": {', '.join(line.split(':')[0] for line in lines)}"
    return Finding.of("mixed_gradient", "\n".join(lines), detail)


def _flipped(check):
    """One array's gradient is minus a multiple of the loss's (cosine below -0.9999)."""
    return check.cosine < -0.9999  # pragma: no mutate (<= differs at = only)


def _is_rate(check, lr):
    """One array's gradient is `lr` times the loss's (cosine above 0.9999, lengths to 1%)."""
    along = check.cosine > 0.9999  # pragma: no mutate (>= differs at = only)
    near = abs(check.norm_ratio / lr - 1) < 0.01  # pragma: no mutate (<= differs at = only)
    return along and near
