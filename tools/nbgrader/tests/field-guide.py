"""Hidden tests of *Field guide*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-field-guide-1 auto=1 written=1
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_sum_factor(answer)
assert _verdict, str(_verdict)
_X, _y = _xl.xor()
assert _np.isclose(float(answer), len(_X)), "the factor is not right"  # a sum is n times a mean

# %% ex-field-guide-2 auto=3 written=1
# references: allowed (the answer wraps the true gradient and flips one sign)
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_sign_flip_w2(case)
assert _verdict, str(_verdict)
_X, _y = _xl.xor()
_net = _xl.MLP((2, 3, 1), seed=1)
_true = _net.gradients(_X, _y)
_got = case["grad"]({k: v.copy() for k, v in _net.params.items()})
for _k, _g in _true.items():
    _want = -_g if _k == "W2" else _g
    assert _np.allclose(_got[_k], _want, rtol=1e-6, atol=1e-9), f"{_k} is not as asked"

# %% ex-field-guide-3 auto=3 written=1
import xorlab as _xl

_verdict = _xl.checks.check_adapter(adapter)
assert _verdict, str(_verdict)

# %% ex-field-guide-4 written=2
