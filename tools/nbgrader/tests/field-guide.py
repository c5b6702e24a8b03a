"""Hidden tests of *Field guide*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-field-guide-1 auto=1 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("field-guide")  # this student's numbers
_verdict = _xl.checks.check_sum_factor(answer, numbers=_mine)
assert _verdict, str(_verdict)
assert _np.isclose(float(answer), _mine["n"]), "the factor is not right"  # a sum is n means

# %% ex-field-guide-2 auto=3 written=1
# references: allowed (the answer wraps the true gradient and flips one sign)
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("field-guide")
_verdict = _xl.checks.check_sign_flip(case, numbers=_mine)
assert _verdict, str(_verdict)
_X, _y = _xl.xor()
_net = _xl.MLP((2, _mine["units"], 1), seed=_mine["net_seed"])
_true = _net.gradients(_X, _y)
_got = case["grad"]({k: v.copy() for k, v in _net.params.items()})
for _k, _g in _true.items():
    _want = -_g if _k == _mine["flip"] else _g
    assert _np.allclose(_got[_k], _want, rtol=1e-6, atol=1e-9), f"{_k} is not as asked"

# %% ex-field-guide-3 auto=3 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("field-guide")
_verdict = _xl.checks.check_adapter(adapter, numbers=_mine)
assert _verdict, str(_verdict)
# the class's mean-BCE gradient at its start, in plain numpy (samples as columns)
_rng = _np.random.default_rng(_mine["start"])
_U, _v = _rng.normal(0, 1, (_mine["width"], 2)), _rng.normal(0, 1, (1, _mine["width"]))
_A, _T = _xl.xor()[0].T, _xl.xor()[1].T
_hid = _np.tanh(_U @ _A)
_e = (1 / (1 + _np.exp(-(_v @ _hid))) - _T) / _A.shape[1]
_back = (_v.T @ _e) * (1 - _hid**2)
_want = {(_mine["width"], 2): _back @ _A.T, (_mine["width"], 1): _back.sum(axis=1, keepdims=True),
         (1, _mine["width"]): _e @ _hid.T, (1, 1): _e.sum(axis=1, keepdims=True)}  # fmt: skip
_got = adapter["grad"]({k: _np.array(v, dtype=float) for k, v in adapter["params"].items()})
for _k, _g in _got.items():
    _g = _np.asarray(_g, dtype=float)
    assert _np.allclose(_g, _want[_g.shape], rtol=1e-6, atol=1e-9), f"the gradient of {_k}"

# %% ex-field-guide-4 written=2
