"""Wilson score intervals (xorlab.core.stats), against values computed by hand from the formula, and
the arguments they refuse.

For k successes of n and z: centre = (k/n + z^2/(2n)) / (1 + z^2/n), half-width
z sqrt(k/n (1 - k/n) / n + z^2 / (4 n^2)) / (1 + z^2/n).
"""

import numpy as np
import pytest

import xorlab as xl

Z = 1.959963984540054


@pytest.mark.parametrize(
    ("k", "n", "lo", "hi"),
    [
        # from the formula above in plain Python (math.sqrt); 5 of 10: centre 0.5, half 0.26341
        (5, 10, 0.236593, 0.763407),
        (1, 10, 0.017876, 0.404150),
        (0, 10, 0.0, 0.277533),
        (10, 10, 0.722467, 1.0),
        (740, 1000, 0.711932, 0.766231),
    ],
)
def test_wilson_matches_hand_computed_values(k, n, lo, hi):
    got = xl.wilson_interval(k, n)
    assert got == pytest.approx((lo, hi), abs=2e-6)


def test_wilson_ends_are_exact_and_z_widens():
    assert xl.wilson_interval(0, 7)[0] == 0.0 and xl.wilson_interval(7, 7)[1] == 1.0
    # at n = 6 the formula's upper end rounds to 1 - 1.1e-16: the end is set, not computed
    assert xl.wilson_interval(6, 6)[1] == 1.0 and xl.wilson_interval(0, 6)[0] == 0.0
    narrow, wide = xl.wilson_interval(30, 100, z=1.0), xl.wilson_interval(30, 100, z=3.0)
    assert wide[0] < narrow[0] < 0.3 < narrow[1] < wide[1]
    # z = 1: centre (0.3 + 1/200) / 1.01, half sqrt(0.0021 + 0.000025) / 1.01
    assert narrow == pytest.approx((0.256339, 0.347622), abs=2e-6)


def test_wilson_is_symmetric_under_swapping_successes_and_failures():
    lo, hi = xl.wilson_interval(3, 20)
    lo2, hi2 = xl.wilson_interval(17, 20)
    assert lo == pytest.approx(1 - hi2, abs=1e-15) and hi == pytest.approx(1 - lo2, abs=1e-15)


def test_wilson_accepts_numpy_integers_and_the_boundary_counts():
    assert xl.wilson_interval(np.int64(3), np.int32(10)) == xl.wilson_interval(3, 10)
    assert xl.wilson_interval(0, 1) == (0.0, pytest.approx(0.793451, abs=2e-6))
    assert xl.wilson_interval(1, 1) == (pytest.approx(0.206549, abs=2e-6), 1.0)


def test_wilson_interval():
    lo, hi = xl.wilson_interval(74, 100)
    assert lo < 0.74 < hi and hi - lo < 0.2
    assert xl.wilson_interval(0, 50)[0] == 0.0 and xl.wilson_interval(50, 50)[1] == 1.0
    narrow = xl.wilson_interval(740, 1000)
    assert narrow[1] - narrow[0] < hi - lo
    with pytest.raises(ValueError, match="successes"):
        xl.wilson_interval(5, 4)


@pytest.mark.parametrize(
    "args, error, words",
    [
        ((3, 10, -1.96), ValueError, "z must be a positive, finite"),
        ((3, 10, 0.0), ValueError, "z must be a positive, finite"),
        ((3, 10, float("nan")), ValueError, "z must be a positive, finite"),
        ((3, 10, True), ValueError, "z must be a positive, finite"),
        ((2.5, 10), TypeError, "successes must be a whole number"),
        ((3, 10.0), TypeError, "n must be a whole number"),
        ((True, 10), TypeError, "successes must be a whole number"),
        ((11, 10), ValueError, r"successes must lie in \[0, n\], got 11 of 10"),
        ((-1, 10), ValueError, r"successes must lie in \[0, n\], got -1 of 10"),
        ((0, 0), ValueError, "n must be at least 1 trial, got 0"),
    ],
)
def test_wilson_refuses_impossible_arguments(args, error, words):
    with pytest.raises(error, match=words):
        xl.wilson_interval(*args)
