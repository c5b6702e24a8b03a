"""Small statistics for measured claims."""

import numpy as np


def wilson_interval(successes, n, z=1.959963984540054):
    """95% Wilson score interval (lo, hi) for a proportion of `successes` out of `n` trials."""
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    if not 0 <= successes <= n:
        raise ValueError(f"successes must lie in [0, n], got {successes} of {n}")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    lo = 0.0 if successes == 0 else max(0.0, centre - half)  # exact ends, free of round-off
    hi = 1.0 if successes == n else min(1.0, centre + half)
    return float(lo), float(hi)
