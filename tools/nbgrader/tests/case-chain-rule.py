"""Hidden tests of *Translating the chain rule*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)


# %% ex-case-chain-rule-1 written=1

# %% ex-case-chain-rule-2 auto=3
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-chain-rule")  # this student's network
_verdict = _xl.checks.check_sample_gradients(sample_gradients, numbers=_mine)
assert _verdict, str(_verdict)


def _loss(W1, W2, x, y):
    h = _np.tanh(x @ W1) if _mine["hidden"] == "tanh" else 1 / (1 + _np.exp(-(x @ W1)))
    p = 1 / (1 + _np.exp(-(h @ W2)))
    if _mine["loss"] == "bce":
        return -float(_np.sum(y * _np.log(p) + (1 - y) * _np.log(1 - p)))
    return (0.5 if _mine["loss"] == "half_squared" else 1.0) * float(_np.sum((p - y) ** 2))


def _slopes(W1, W2, x, y):
    g = _finite_differences(lambda q: _loss(q["W1"], q["W2"], x, y), {"W1": W1, "W2": W2})
    return g["W1"], g["W2"]


_rng = _np.random.default_rng(1752)
for _ in range(2):
    _W1, _W2 = _rng.normal(size=(2, 2)), _rng.normal(size=(2, 1))
    _x, _y = _rng.uniform(0, 1, size=2), _rng.integers(0, 2, size=1).astype(float)
    _got = sample_gradients(_W1.copy(), _W2.copy(), _x.copy(), _y.copy())
    for _g, _w, _name in zip(_got, _slopes(_W1, _W2, _x, _y), ("dW1", "dW2")):
        _g = _np.asarray(_g, dtype=float)
        assert _np.allclose(_g, _w, rtol=1e-5, atol=1e-8), f"{_name} is wrong"


# %% ex-case-chain-rule-3 auto=3 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-chain-rule")
_verdict = _xl.checks.check_sample_step(sample_step, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1753)
_W1, _W2 = _rng.normal(size=(2, 2)), _rng.normal(size=(2, 1))
_x, _y, _lr = _rng.uniform(0, 1, size=2), _np.array([1.0]), 0.7
_z = _x @ _W1
_h = _np.tanh(_z) if _mine["hidden"] == "tanh" else 1 / (1 + _np.exp(-_z))
_dh = 1 - _h**2 if _mine["hidden"] == "tanh" else _h * (1 - _h)
_p = 1 / (1 + _np.exp(-(_h @ _W2)))
_d2 = _p - _y if _mine["loss"] == "bce" else (_p - _y) * _p * (1 - _p)
_d2 = 2 * _d2 if _mine["loss"] == "squared" else _d2
_d1 = (_W2 @ _d2) * _dh  # through the old W2
_new1, _new2 = sample_step(_W1.copy(), _W2.copy(), _x.copy(), _y.copy(), _lr)
assert _np.allclose(_new1, _W1 - _lr * _np.outer(_x, _d1)), "W1's step is not from the old weights"
assert _np.allclose(_new2, _W2 - _lr * _np.outer(_h, _d2)), "W2's step is wrong"

# %% ex-case-chain-rule-4 written=3

# %% ex-case-chain-rule-5 auto=5
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-chain-rule")
_verdict = _xl.checks.check_fixed_epoch(fixed_epoch, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1755)
_q = {"W1": _rng.normal(size=(2, 4)), "b1": _rng.normal(size=4),
      "W2": _rng.normal(size=(4, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
_X = _rng.uniform(-1, 1, size=(5, 2))
_y = _rng.integers(0, 2, size=(5, 1)).astype(float)
_want = {k: v.copy() for k, v in _q.items()}
for _x, _t in zip(_X, _y):  # one sample at a time, every gradient before the updates
    _z = _x @ _want["W1"] + _want["b1"]
    _h = _np.tanh(_z) if _mine["hidden"] == "tanh" else 1 / (1 + _np.exp(-_z))
    _dh = 1 - _h**2 if _mine["hidden"] == "tanh" else _h * (1 - _h)
    _p = 1 / (1 + _np.exp(-(_h @ _want["W2"] + _want["b2"])))
    _d2 = _p - _t if _mine["loss"] == "bce" else (_p - _t) * _p * (1 - _p)
    _d2 = 2 * _d2 if _mine["loss"] == "squared" else _d2
    _d1 = (_want["W2"] @ _d2) * _dh
    _want["W2"] = _want["W2"] - 0.4 * _np.outer(_h, _d2)
    _want["b2"] = _want["b2"] - 0.4 * _d2
    _want["W1"] = _want["W1"] - 0.4 * _np.outer(_x, _d1)
    _want["b1"] = _want["b1"] - 0.4 * _d1
_new = fixed_epoch({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy(), 0.4)
for _k in _q:
    _got = _np.asarray(_new[_k], dtype=float)
    assert _np.allclose(_got, _want[_k], rtol=1e-6, atol=1e-9), f"the pass for {_k} is wrong"


# %% ex-case-chain-rule-6 auto=3
import math as _math

import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_sign_test(sign_test)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1756)
for _n, _bias in ((0, 0.5), (30, 0.5), (120, 0.3), (200, 0.05)):
    _a = _rng.random(_n) < 0.5
    _b = _np.where(_rng.random(_n) < _bias, ~_a, _a)
    _only_a, _only_b = int((_a & ~_b).sum()), int((~_a & _b).sum())
    _m, _k = _only_a + _only_b, min(_only_a, _only_b)
    _p = min(1.0, 2 * sum(_math.comb(_m, _j) for _j in range(_k + 1)) / 2**_m)
    _got = sign_test(_a.copy(), _b.copy())
    assert [int(_got[0]), int(_got[1])] == [_only_a, _only_b], "the counts are not right"
    assert _np.isclose(float(_got[2]), _p, rtol=1e-9, atol=0), "the p-value is not right"

# %% ex-case-chain-rule-7 auto=2 written=1
import math as _math

import numpy as _np

import xorlab as _xl
from xorlab.cases import chain_rule as _chain_rule

_mine = _xl.checks.graded_numbers("case-chain-rule")
_verdict = _xl.checks.check_order_p(order_p, numbers=_mine)
assert _verdict, str(_verdict)
_setting = dict(loss="mse", lr=_mine["lr"], epochs=_mine["epochs"], init="normal")
_a = _xl.train_many(_mine["n"], mode="sample", seed=_mine["seed"], **_setting).success
_b = _chain_rule.train_online(_mine["n"], seed=_mine["seed"], **_setting).success
_m, _k = int((_a != _b).sum()), int(min((_a & ~_b).sum(), (~_a & _b).sum()))
_p = min(1.0, 2 * sum(_math.comb(_m, _j) for _j in range(_k + 1)) / 2**_m)
assert _np.isclose(float(order_p), _p, rtol=1e-6, atol=0), "not the p-value of your runs"
