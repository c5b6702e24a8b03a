"""Hidden tests of *Two hidden sigmoid units vs tanh*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-sigmoid-vs-tanh-1 written=1

# %% ex-case-sigmoid-vs-tanh-2 auto=2
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_missing_factor(factor)
assert _verdict, str(_verdict)
assert _np.isclose(float(factor), 1 / (0.5 * (1 - 0.5)), rtol=1e-3), "the factor is not right"

# %% ex-case-sigmoid-vs-tanh-3 auto=2 written=1
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_tanh_derivative(tanh_derivative)
assert _verdict, str(_verdict)
_z = _np.random.default_rng(1743).normal(scale=2, size=(5, 3))
_got = _np.asarray(tanh_derivative(_np.tanh(_z)), dtype=float)
_want = (_np.tanh(_z + 1e-6) - _np.tanh(_z - 1e-6)) / 2e-6
assert _np.allclose(_got, _want, rtol=1e-5, atol=1e-8), "not the derivative of tanh"

# %% ex-case-sigmoid-vs-tanh-4 written=3
