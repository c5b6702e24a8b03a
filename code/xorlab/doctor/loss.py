"""The loss phase: which loss the reader's gradient belongs to. When it does not match the
printed loss but matches a standard loss of the outputs (mean or summed BCE, squared error,
cross-entropy), the printed loss is the finding, and that standard loss is the one checked."""

from dataclasses import dataclass

import numpy as np

from ..core.gradcheck import check_gradients
from . import gradient
from .findings import Finding
from .reader import copy


def standard_losses(y):
    """{name: loss(outputs)} for the standard losses of outputs shaped like y: (n, k)."""
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
    if np.all((y == 0) | (y == 1)):
        if k == 1:
            losses = {"mean BCE": lambda p: bce(p) / n, "summed BCE": bce, **losses}
        else:
            losses = {
                "mean cross-entropy": lambda p: xent(p) / n,
                "summed cross-entropy": xent,
                **losses,
            }
    return losses


def _of_params(of_outputs, reader):
    """A loss of the outputs as a loss of the params: float(of_outputs(predict(p, X)))."""
    return lambda p: float(of_outputs(reader.predict(p, reader.X)))


@dataclass
class Match:
    """The standard loss `name` whose gradient the reader's is, times `sign` (-1: minus that
    gradient); `loss(params)` and the gradient check against it (`report`)."""

    name: str
    sign: int
    loss: object
    report: object


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
    if reader.printed is None:
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
        match = _matching_loss(reader)
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
