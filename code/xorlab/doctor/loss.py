"""The loss phase: which loss the reader's gradient belongs to. When it does not match the
printed loss but matches a standard loss of the outputs (mean or summed BCE, squared error,
cross-entropy), the printed loss is the finding, and that standard loss is the one checked.
A cross-entropy against smoothed labels (targets the code moves toward the middle) is found
too, and is no finding: printing the loss against the true labels is a choice."""

from dataclasses import dataclass

import numpy as np

from ..core.gradcheck import check_gradients
from . import gradient
from .findings import Finding
from .reader import copy, flatten
from .runs import solves


def standard_losses(y, soft=False):
    """{name: loss(outputs)} for the standard losses of outputs shaped like y: (n, k); the
    cross-entropies for 0/1 targets (`soft`: any targets in [0, 1], smoothed labels): for
    several outputs, softmax's cross-entropy and a BCE of each (sigmoid) output."""
    n, k = y.shape

    def bce(p):
        if np.any(p <= 0) or np.any(p >= 1):
            return np.nan
        return -np.sum(y * np.log(p) + (1 - y) * np.log1p(-p))

    def xent(p):
        return np.nan if np.any(p <= 0) else -np.sum(y * np.log(p))

    def sse(p):
        return np.sum((p - y) ** 2)

    losses = {
        "mean squared error": lambda p: sse(p) / n,
        "summed squared error": sse,
        "half the summed squared error": lambda p: sse(p) / 2,
        "half the mean squared error": lambda p: sse(p) / (2 * n),
    }
    if np.all((y >= 0) & (y <= 1) if soft else (y == 0) | (y == 1)):
        if k == 1:
            losses = {"mean BCE": lambda p: bce(p) / n, "summed BCE": bce, **losses}
        else:
            losses = {
                "mean cross-entropy": lambda p: xent(p) / n,
                "summed cross-entropy": xent,
                "mean BCE (each output's, summed)": lambda p: bce(p) / n,
                "summed BCE of every output": bce,
                "BCE averaged over every output": lambda p: bce(p) / (n * k),
                **losses,
            }
    return losses


def _of_params(of_outputs, reader):
    """A loss of the outputs as a loss of the params: float(of_outputs(predict(p, X)))."""
    return lambda p: float(of_outputs(reader.predict(p, reader.X)))


STRONG = 0.5
"""A label smoothing this strong or stronger moves every target at least halfway to the
middle: when the run then ends unfitted, the smoothing is named."""


LOST = 0.99
"""A smoothing this close to 1 is no label smoothing: every target sits at the middle, the
labels lost (targets of shape (n,) broadcast against (n, 1) outputs train toward their mean).
It is left to the other checks, and s read near 1 is never one on some CPUs and not others."""


@dataclass
class Match:
    """The standard loss `name` whose gradient the reader's is, times `sign` (-1: minus that
    gradient); `loss(params)` and the gradient check against it (`report`); `smoothed`: the
    share s by which the reader's code moved its targets toward the middle (0: not)."""

    name: str
    sign: int
    loss: object
    report: object
    smoothed: float = 0.0


def _matching_loss(reader):
    """The first standard loss whose gradient (or minus it) is the reader's: a `Match`, or
    None."""
    for name, of_outputs in standard_losses(reader.y).items():
        loss = _of_params(of_outputs, reader)
        if not np.isfinite(loss(reader.params)):
            continue
        report = check_gradients(loss, reader.gradient, copy(reader.params))
        if not gradient.failing(report, reader.floor, reader.implied):
            return Match(name, 1, loss, report)
        if all(
            c.cosine < -0.9999 and abs(c.norm_ratio - 1) < 1e-3
            for c in report.checks.values()
            if np.linalg.norm(c.numeric) > reader.floor
        ):
            return Match(name, -1, loss, report)
    return None


def _smoothed(reader):
    """The first cross-entropy of 0/1 targets y whose gradient, against targets smoothed
    toward the uniform c (t = (1 - s) y + s c, c = 1/2 for one output and 1/k for k, 0 < s <
    `LOST`: label smoothing; `STRONG` and above, too strong) is the reader's: a `Match`, or None.
    The gradient is affine in the targets, so s is read off by least squares between the
    gradients against y and against c, then the gradient against t is checked as any other."""
    y = reader.y
    if reader.predict is None or not np.all((y == 0) | (y == 1)):
        return None
    c = np.full(y.shape, 0.5 if y.shape[1] == 1 else 1 / y.shape[1])
    theirs = flatten(reader.grads.values())
    given = lambda p: reader.grads  # noqa: E731  (only the finite differences are read)
    for name in [k for k in standard_losses(y) if "entropy" in k or "BCE" in k]:
        at_y, at_c = (_of_params(standard_losses(t, soft=True)[name], reader) for t in (y, c))
        if not (np.isfinite(at_y(reader.params)) and np.isfinite(at_c(reader.params))):
            continue
        g_y, g_c = (
            gradient.joined(check_gradients(f, given, copy(reader.params)))[1] for f in (at_y, at_c)
        )
        d = g_c - g_y
        s = float((theirs - g_y) @ d / max(d @ d, 1e-300))
        if not 0 < s < LOST:
            continue
        loss = _of_params(standard_losses((1 - s) * y + s * c, soft=True)[name], reader)
        report = check_gradients(loss, reader.gradient, copy(reader.params))
        if not gradient.failing(report, reader.floor, reader.implied):
            return Match(f"{name} against targets smoothed by {s:.3g}", 1, loss, report, s)
    return None


def _match_findings(reader, match):
    if match.sign < 0:
        return [
            Finding.of(
                "sign_flip",
                f"every array's gradient is -1x the {match.name}'s: following it climbs that loss",
                f": it is minus the gradient of the {match.name}",
                where="the output error (p - y, not y - p)",
            )
        ]
    if match.smoothed >= STRONG and not solves(reader, match.loss, reader.step)[0]:
        t = (1 - match.smoothed) * np.unique(reader.y) + match.smoothed * (
            0.5 if reader.y.shape[1] == 1 else 1 / reader.y.shape[1]
        )
        return [
            Finding.of(
                "strong_smoothing",
                f"your gradient is the {match.name}: the targets your code trains toward are "
                f"{', '.join(f'{v:.3g}' for v in t)}, and your run ends without every output "
                "on the right side by a tenth of the way to its label",
            )
        ]
    if reader.printed is None or match.smoothed:  # printing the loss against y is a choice
        return []
    return [
        Finding.of(
            "loss_mismatch",
            f"at the start your loss reads {reader.start_value:.4f}, the {match.name} "
            f"{match.loss(reader.params):.4f}; your gradient disagrees with finite differences "
            f"of your loss and agrees with the {match.name}'s: the gradient is fine, the "
            "printed loss is not",
            loss=match.name,
        )
    ]


def examine(reader):
    """The loss the gradient is checked against, and that check: (report, loss(params),
    findings). The printed loss when the gradient agrees with it; else the standard loss of
    the outputs the gradient belongs to (needs predict); else, without a printed loss, the
    first standard loss."""
    loss, report, findings = reader.printed, None, []
    if loss is not None:
        report = gradient.check(loss, reader)
    if reader.predict is not None and (
        report is None or gradient.failing(report, reader.floor, reader.implied)
    ):
        match = _matching_loss(reader) or _smoothed(reader)
        if match:
            findings = _match_findings(reader, match)
            loss, report = match.loss, match.report
    if loss is None:  # no loss given and no standard loss matched: check against one
        loss = _of_params(next(iter(standard_losses(reader.y).values())), reader)
        report = gradient.check(loss, reader)
    return report, loss, findings


def impossible(reader, first):
    """A printed loss below 0 at the start or after the first step (params `first`): the
    finding, in a list, or []."""
    if reader.printed is None:
        return []
    low = min(reader.start_value, reader.printed(first))
    if low >= -1e-12:
        return []
    return [
        Finding.of(
            "impossible_loss",
            f"it reads {low:.4f}; BCE, cross-entropy and squared error are never below 0",
        )
    ]
