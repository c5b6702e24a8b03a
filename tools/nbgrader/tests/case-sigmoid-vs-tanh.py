"""Hidden tests of *Two hidden sigmoid units vs tanh*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-sigmoid-vs-tanh-1 auto=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-sigmoid-vs-tanh")  # this student's numbers
_verdict = _xl.checks.check_chain_bound(bound, numbers=_mine)
assert _verdict, str(_verdict)
_z = _np.linspace(-10, 10, 20001)
_slope = {"sigmoid": _np.max(_np.exp(-_z) / (1 + _np.exp(-_z)) ** 2),  # the largest slopes
          "tanh": _np.max(1 - _np.tanh(_z) ** 2)}  # fmt: skip
_want = _slope["sigmoid"] * _np.prod([_slope[_f] for _f in _mine["chain"]])
assert _np.isclose(float(bound), _want, rtol=1e-3), "the bound is not right"

# %% ex-case-sigmoid-vs-tanh-2 auto=2
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-sigmoid-vs-tanh")
_verdict = _xl.checks.check_missing_factor(factor, numbers=_mine)
assert _verdict, str(_verdict)
_p = _mine["p"]
assert _np.isclose(float(factor), 1 / (_p * (1 - _p)), rtol=1e-3), "the factor is not right"

# %% ex-case-sigmoid-vs-tanh-3 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-sigmoid-vs-tanh")
_verdict = _xl.checks.check_tanh_derivative(tanh_derivative, numbers=_mine)
assert _verdict, str(_verdict)
_A, _k = _mine["amp"], _mine["gain"]
_z = _np.random.default_rng(1743).normal(scale=2, size=(5, 3))
_got = _np.asarray(tanh_derivative(_A * _np.tanh(_k * _z)), dtype=float)
_want = _A * (_np.tanh(_k * (_z + 1e-6)) - _np.tanh(_k * (_z - 1e-6))) / 2e-6
assert _np.allclose(_got, _want, rtol=1e-5, atol=1e-8), "not the derivative of your unit"

# %% ex-case-sigmoid-vs-tanh-4 written=3

# %% ex-case-sigmoid-vs-tanh-5 auto=5
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-sigmoid-vs-tanh")
_verdict = _xl.checks.check_tanh_step(fixed_step, numbers=_mine)
assert _verdict, str(_verdict)


def _loss(q, X, y, hidden):
    squash = {"sigmoid": lambda z: 1 / (1 + _np.exp(-z)), "tanh": _np.tanh}[hidden]
    out = 1 / (1 + _np.exp(-(squash(X @ q["W1"] + q["b1"]) @ q["W2"] + q["b2"])))
    if _mine["loss"].endswith("bce"):
        each = -y * _np.log(out) - (1 - y) * _np.log(1 - out)
    else:
        each = (y - out) ** 2 * (0.5 if _mine["loss"].startswith("half") else 1.0)
    return float(_np.mean(each) if "mean" in _mine["loss"] else _np.sum(each))


_rng = _np.random.default_rng(1745)
for _hidden in ("tanh", "sigmoid"):
    _q = {"W1": _rng.normal(size=(2, 3)), "b1": _rng.normal(size=3),
          "W2": _rng.normal(size=(3, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
    _X = _rng.normal(size=(5, 2))
    _y = _rng.integers(0, 2, size=(5, 1)).astype(float)
    _new = fixed_step({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy(), 0.2, _hidden)
    _g = _finite_differences(_loss, _q, _X, _y, _hidden)
    for _k, _v in _q.items():
        _got = _np.asarray(_new[_k], dtype=float)
        assert _np.allclose(_got, _v - 0.2 * _g[_k], rtol=1e-5, atol=1e-7), f"{_hidden}: {_k} wrong"

# %% ex-case-sigmoid-vs-tanh-6 auto=3
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_saturation_share(saturation_share)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1747)
for _hidden, _units in (("tanh", 2), ("sigmoid", 4), ("tanh", 6)):
    _q = {"W1": _rng.normal(0, 3, (2, _units)), "b1": _rng.normal(0, 2, _units)}
    _X = _rng.uniform(-2, 2, size=(17, 2))
    _z = _X @ _q["W1"] + _q["b1"]
    if _hidden == "tanh":
        _want = _np.mean(1 - _np.tanh(_z) ** 2 < 0.1)
    else:
        _s = 1 / (1 + _np.exp(-_z))
        _want = _np.mean(_s * (1 - _s) < 0.025)
    _got = float(saturation_share({k: v.copy() for k, v in _q.items()}, _X.copy(), _hidden))
    assert _np.isclose(_got, _want, rtol=0, atol=1e-12), f"{_hidden}: not the saturated share"

# %% ex-case-sigmoid-vs-tanh-7 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-sigmoid-vs-tanh")
_verdict = _xl.checks.check_share_after(share_after, numbers=_mine)
assert _verdict, str(_verdict)
_net = _xl.MLP((2, _mine["units"], 1), hidden=_mine["hidden"], loss="mse", init="normal",
               init_scale=_mine["std"], seed=_mine["start"])  # fmt: skip
_X, _y = _xl.xor()
_xl.train(_net, _X, _y, lr=_mine["lr"], epochs=_mine["epochs"])
_z = _mine["X"] @ _net.params["W1"] + _net.params["b1"]
if _mine["hidden"] == "tanh":
    _want = _np.mean(1 - _np.tanh(_z) ** 2 < 0.1)
else:
    _s = 1 / (1 + _np.exp(-_z))
    _want = _np.mean(_s * (1 - _s) < 0.025)
assert _np.isclose(float(share_after), _want, rtol=1e-9), "not your trained network's share"
