"""Small statistics for measured claims."""

import numbers

import numpy as np

Z95 = 1.959963984540054
"""The two-sided 95% quantile of the standard normal distribution."""


def _count(value, name):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (a count), got {value!r}")
    return int(value)


def wilson_interval(successes, n, z=Z95):
    """Wilson score interval (lo, hi) for a proportion of `successes` out of `n` trials.

    `successes` and `n` are counts (integers, 0 <= successes <= n, n >= 1); `z` > 0 is the
    normal quantile, 1.96 for 95%. Refuses anything else with an error naming it.
    """
    successes, n = _count(successes, "successes"), _count(n, "n")
    if n <= 0:
        raise ValueError(f"n must be at least 1 trial, got {n}")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must lie in [0, n], got {successes} of {n}")
    if isinstance(z, bool) or not isinstance(z, numbers.Real) or not np.isfinite(z) or z <= 0:
        raise ValueError(f"z must be a positive, finite normal quantile (1.96 for 95%), got {z!r}")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    lo = 0.0 if successes == 0 else max(0.0, centre - half)  # exact ends, free of round-off
    hi = min(1.0, centre + half)  # pragma: no mutate (the cap only guards round-off)
    hi = 1.0 if successes == n else hi
    return float(lo), float(hi)
