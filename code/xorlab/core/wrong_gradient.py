"""How a gradient differs from the true one: the one classifier that the doctor and the
exercises' self-checks both use, so a reader hears the same diagnosis from each."""

from dataclasses import dataclass

import numpy as np

CODES = ("shape", "zero_gradient", "sign_flip", "constant_scale", "data_factor", "wrong_gradient")
"""The kinds of disagreement, from the most specific to the least."""


@dataclass(frozen=True)
class Disagreement:
    """How one array `analytic` differs from the `true` gradient.

    `code` is one of `CODES`, or None when the array has one entry (one number shows one
    ratio, not a pattern); `evidence` says it in one line with the numbers; `factor` is the
    constant ratio analytic / true for "constant_scale" (else None).
    """

    code: str | None
    evidence: str
    factor: float | None = None


def classify(analytic, true, n_samples, skip=None):
    """Classify how `analytic` differs from `true` (arrays of one shape, e.g. W1: (d_in, h)),
    the gradient by finite differences of the loss (the evidence names it so).

    n_samples: the number of samples in the loss (a factor of n or 1/n is named as such);
    skip: a boolean array of entries to ignore (a finite difference across a ReLU kink).
    """
    analytic, true = np.asarray(analytic, float), np.asarray(true, float)
    if analytic.shape != true.shape:
        return Disagreement("shape", f"shape {analytic.shape}, not {true.shape}")
    keep = np.ones(true.shape, bool) if skip is None else ~np.asarray(skip, bool)
    a, n = analytic[keep].ravel(), true[keep].ravel()
    stuck = (a == 0) & (np.abs(n) > 1e-8)
    if stuck.any():
        return Disagreement(
            "zero_gradient",
            f"{int(stuck.sum())} of {a.size} entries are exactly 0 while finite differences "
            f"see slopes up to {np.abs(n[stuck]).max():.1e}",
        )
    if a.size == 1:
        return Disagreement(None, f"{a[0]:.4g} where finite differences give {n[0]:.4g}")
    if not n.any():  # no direction to compare with: the loss does not depend on the array
        return Disagreement(
            "wrong_gradient",
            "finite differences are 0 in every entry (the loss does not depend on this array), "
            f"yours reaches {np.abs(a).max():.1e}",
        )
    cos, ratio = _cosine(a, n), _norm_ratio(a, n)
    if cos < -0.99:
        return Disagreement(
            "sign_flip", f"cosine {cos:+.3f}: it points the opposite way, norm ratio {ratio:.3f}"
        )
    live = np.abs(n) > 1e-3 * max(np.abs(n).max(), 1e-12)
    ratios = a[live] / n[live]
    if cos > 0.9999 and ratios.size and np.ptp(ratios) < 1e-3 * abs(ratios.mean()):
        r = float(ratios.mean())
        return Disagreement(
            "constant_scale", f"every entry {r:.4g}x the truth{_hint(r, n_samples)}", r
        )
    if cos > 0.9:
        spread = f"entry ratios from {ratios.min():.3g} to {ratios.max():.3g}"
        return Disagreement("data_factor", f"cosine {cos:+.4f}, {spread}")
    return Disagreement("wrong_gradient", f"cosine {cos:+.3f}, norm ratio {ratio:.3f}")


def _cosine(a, n):
    norms = np.linalg.norm(a) * np.linalg.norm(n)
    return float(a @ n / norms) if norms > 0 else float("nan")


def _norm_ratio(a, n):
    nn = np.linalg.norm(n)
    return float(np.linalg.norm(a) / nn) if nn > 0 else float("nan")


def _hint(r, n_samples):
    """What a constant factor r says about the code, when it is n or 1/n."""
    if n_samples > 1 and np.isclose(r, n_samples, rtol=1e-3):
        return f" (= n = {n_samples}: a sum where the mean belongs)"
    if n_samples > 1 and np.isclose(r, 1 / n_samples, rtol=1e-3):
        return f" (= 1/n: divided by n = {n_samples} once too often)"
    return ""
