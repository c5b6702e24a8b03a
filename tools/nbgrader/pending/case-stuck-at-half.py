"""Hidden tests written for an exercise its chapter does not have yet (COORD.md contract):
move the section into tests/case-stuck-at-half.py when the chapter gets `ex-case-stuck-at-half-5`
(`fixed_step(params, X, y, lr)` with keys A, a, B, b). tools/assignments.py does not read this
folder.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-stuck-at-half-5 auto=5
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_stuck_step(fixed_step)
assert _verdict, str(_verdict)


def _loss(q, X, y):
    h = _np.maximum(X @ q["A"] + q["a"], 0)
    z = h @ q["B"] + q["b"]
    return float(_np.mean(_np.logaddexp(0, z) - y * z))


_rng = _np.random.default_rng(1735)
_q = {"A": _rng.normal(size=(2, 4)), "a": _rng.normal(size=4),
      "B": _rng.normal(size=(4, 1)), "b": _rng.normal(size=1)}  # fmt: skip
_X = _rng.normal(size=(6, 2))
_y = _rng.integers(0, 2, size=(6, 1)).astype(float)
_new = fixed_step({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy(), 0.3)
for _k, _v in _q.items():
    _g = _np.zeros_like(_v)
    for _i in _np.ndindex(_v.shape):
        _up, _down = {**_q, _k: _v.copy()}, {**_q, _k: _v.copy()}
        _up[_k][_i] += 1e-6
        _down[_k][_i] -= 1e-6
        _g[_i] = (_loss(_up, _X, _y) - _loss(_down, _X, _y)) / 2e-6
    _got = _np.asarray(_new[_k], dtype=float)
    assert _np.allclose(_got, _v - 0.3 * _g, rtol=1e-5, atol=1e-7), f"the step for {_k} is wrong"
