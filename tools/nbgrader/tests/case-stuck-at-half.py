"""Hidden tests of *Stuck at 0.5*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-stuck-at-half-1 auto=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-stuck-at-half")  # this student's numbers
_verdict = _xl.checks.check_no_bias_floor(floor, numbers=_mine)
assert _verdict, str(_verdict)
# input (0, 0) always gives sigmoid(0) = 1/2 (cost ln 2, counts[0] times); the rest can cost ~0
_c = _mine["counts"]
assert _np.isclose(float(floor), _c[0] * _np.log(2) / sum(_c), rtol=1e-3), "the floor is not right"

# %% ex-case-stuck-at-half-2 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-stuck-at-half")
_verdict = _xl.checks.check_dead_at_init(dead_share, numbers=_mine)
assert _verdict, str(_verdict)
_d, (_low, _high) = _mine["inputs"], _mine["weight_range"]
_w = _np.random.default_rng(1732).uniform(_low, _high, size=(_d, 200_000))  # one unit a column
_X = (_np.arange(2**_d)[:, None] >> _np.arange(_d)) & 1  # every point of {0, 1}^d
_dead = _np.mean(((_X @ _w) <= 0).all(axis=0))  # a unit dead on every input
_want = (-_low / (_high - _low)) ** _d  # every weight <= 0
assert abs(_want - _dead) < 0.01  # the formula itself, against the measurement
assert _np.isclose(float(dead_share), _want, rtol=1e-3), "the expected dead fraction is not right"

# %% ex-case-stuck-at-half-3 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-stuck-at-half")
_verdict = _xl.checks.check_output_delta(output_delta, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1733)
_z = _rng.normal(scale=3, size=(7, 1))
_y = _rng.integers(0, 2, size=(7, 1)).astype(float)
_got = _np.asarray(output_delta(_z.copy(), _y.copy()), dtype=float)
_p, _w = 1 / (1 + _np.exp(-_z)), _mine["pos_weight"]
_s = 1 / 7 if _mine["reduction"] == "mean" else 1.0  # L = -s sum(w y ln p + (1 - y) ln(1 - p))
_want = _s * (_p * (_w * _y + 1 - _y) - _w * _y)
assert _got.shape == (7, 1) and _np.allclose(_got, _want), "not dL/dz of your loss"

# %% ex-case-stuck-at-half-4 auto=3 written=1
import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-stuck-at-half")
_verdict = _xl.checks.check_relu_xor_design(design, numbers=_mine)  # trains 1,000 new seeds
assert _verdict, str(_verdict)
assert design["epochs"] <= _mine["max_epochs"], f"at most {_mine['max_epochs']} epochs"


# %% ex-case-stuck-at-half-5 auto=5
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-stuck-at-half")
_verdict = _xl.checks.check_stuck_step(fixed_step, numbers=_mine)
assert _verdict, str(_verdict)


def _loss(q, X, y):
    _z = X @ q["A"] + q["a"]
    h = _np.where(_z > 0, _z, _mine["leak"] * _z)  # leak 0: the ReLU
    z = h @ q["B"] + q["b"]
    return float(_np.mean(_np.logaddexp(0, z) - y * z))


_rng = _np.random.default_rng(1735)
_q = {"A": _rng.normal(size=(2, 4)), "a": _rng.normal(size=4),
      "B": _rng.normal(size=(4, 1)), "b": _rng.normal(size=1)}  # fmt: skip
_X = _rng.normal(size=(6, 2))
_y = _rng.integers(0, 2, size=(6, 1)).astype(float)
_new = fixed_step({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy(), 0.3)
_g = _finite_differences(_loss, _q, _X, _y)
for _k, _v in _q.items():
    _got = _np.asarray(_new[_k], dtype=float)
    assert _np.allclose(_got, _v - 0.3 * _g[_k], rtol=1e-5, atol=1e-7), (
        f"the step for {_k} is wrong"
    )

# %% ex-case-stuck-at-half-6 auto=3
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-stuck-at-half")
_verdict = _xl.checks.check_census(census, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1736)
_d, (_low, _high) = _mine["inputs"], _mine["weight_range"]
_corners = ((_np.arange(2**_d)[:, None] >> _np.arange(_d)) & 1).astype(float)
_cases = [
    ({"A": _rng.uniform(_low, _high, size=(_d, 30)), "a": _np.zeros(30)}, _corners),
    ({"A": _rng.normal(size=(3, 8)), "a": _rng.normal(size=8)}, _rng.normal(size=(9, 3))),
]
for _q, _X in _cases:
    _got = census({k: v.copy() for k, v in _q.items()}, _X.copy())
    _z = _X @ _q["A"] + _q["a"]
    for _k, _want in (("dead", (_z <= 0).all(axis=0)), ("linear", (_z >= 0).all(axis=0))):
        _g = _np.asarray(_got[_k])
        assert _g.shape == _want.shape, f'census["{_k}"] has shape {_g.shape}'
        assert _np.array_equal(_g.astype(bool), _want), f'census["{_k}"] is wrong'
