"""Hidden tests of *The two-neuron net that cannot learn the identity*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-no-bias-1 auto=1 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-no-bias")
_verdict = _xl.checks.check_f0(f0_answer, numbers=_mine)
assert _verdict, str(_verdict)
_want = 1 / (1 + _np.exp(-(_mine["w2"] * 0.5)))  # the hidden unit outputs 1/2 at x = 0
assert _np.isclose(float(f0_answer), _want, rtol=1e-3), "f(0) is not right"

# %% ex-case-no-bias-2 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-no-bias")
_verdict = _xl.checks.check_pm_one_infimum(answer, numbers=_mine)
assert _verdict, str(_verdict)
# both logits have the sign of w2: one input's outputs stay on the wrong side of 1/2 (cost 1/4)
_minus, _plus = _mine["pm_counts"]
_want = min(_minus, _plus) / (4 * (_minus + _plus))
assert _np.isclose(float(answer), _want, rtol=1e-3), "the infimum is not right"

# %% ex-case-no-bias-3 auto=2
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-no-bias")
_verdict = _xl.checks.check_bias_free_choices(letters, numbers=_mine)
assert _verdict, str(_verdict)


def _logit(f):
    return _np.log(f / (1 - f))


# f(0) = sigmoid(w2 / 2), f(1) = sigmoid(w2 sigmoid(w1)): logit f(1) = r logit f(0), 0 < r < 2
_want = set()
for _letter, (_f0, _f1) in _mine["pairs"].items():
    _u0, _u1 = _logit(_f0), _logit(_f1)
    if (abs(_u0) < 1e-12 and abs(_u1) < 1e-12) or (abs(_u0) > 1e-12 and 0 < _u1 / _u0 < 2):
        _want.add(_letter)
assert set(str(letters).upper()) - set(" ,;") == _want, "these are not exactly the right pairs"

# %% ex-case-no-bias-4 auto=3
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-no-bias")
_verdict = _xl.checks.check_identity_params(by_hand, numbers=_mine)
assert _verdict, str(_verdict)
_w1, _b1, _w2, _b2 = (float(_np.asarray(by_hand[k]).ravel()[0]) for k in ("W1", "b1", "W2", "b2"))
_x, _t = _np.array(_mine["task"]["inputs"]), _np.array(_mine["task"]["targets"])
_out = 1 / (1 + _np.exp(-(_w2 / (1 + _np.exp(-(_w1 * _x + _b1))) + _b2)))
assert 0.5 * _np.sum((_out - _t) ** 2) < 0.01, "the loss is not below 0.01"

# %% ex-case-no-bias-5 auto=2 written=2
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-no-bias")
_verdict = _xl.checks.check_identity_params(minimal, bias="output", numbers=_mine)
assert _verdict, str(_verdict)
_w1, _w2, _b2 = (float(_np.asarray(minimal[k]).ravel()[0]) for k in ("W1", "W2", "b2"))
_x, _t = _np.array(_mine["task"]["inputs"]), _np.array(_mine["task"]["targets"])
_out = 1 / (1 + _np.exp(-(_w2 / (1 + _np.exp(-_w1 * _x)) + _b2)))
assert 0.5 * _np.sum((_out - _t) ** 2) < 0.01, "the loss is not below 0.01"

# %% ex-case-no-bias-6 auto=5
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-no-bias")
_verdict = _xl.checks.check_climb_step(climb_step, numbers=_mine)
assert _verdict, str(_verdict)


def _loss(w, x, t):
    """This student's error: c sum (t - out)^2, or c times the mean."""
    _a = w[0] * x + w[1]
    _h = _np.tanh(_a) if _mine["hidden"] == "tanh" else 1 / (1 + _np.exp(-_a))
    _out = 1 / (1 + _np.exp(-(w[2] * _h + w[3])))
    _c = 0.5 if _mine["error"] in ("1/2 sum", "1/2 mean") else 1.0
    _squares = (t - _out) ** 2
    return _c * float(_squares.mean() if _mine["error"].endswith("mean") else _squares.sum())


_rng = _np.random.default_rng(1716)
for _n in (1, 4):
    _w = _rng.normal(size=4)
    _x, _t = _rng.normal(size=_n), _rng.uniform(0, 1, size=_n)
    _g = _np.array([_loss(_w + e, _x, _t) - _loss(_w - e, _x, _t) for e in 1e-6 * _np.eye(4)])
    _g /= 2e-6
    _new = _np.asarray(climb_step(_w.copy(), _x.copy(), _t.copy(), 0.3), dtype=float)
    assert _new.shape == (4,), f"climb_step returned shape {_new.shape}"
    assert _np.allclose(_new, _w - 0.3 * _g, rtol=1e-5, atol=1e-7), "the step is not -rate dE/dw"


# %% ex-case-no-bias-7 auto=4
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_bias_free_weights(bias_free_weights)
assert _verdict, str(_verdict)
_mine = _xl.checks.graded_numbers("case-no-bias")
_rng = _np.random.default_rng(1717)
_pairs = list(_mine["pairs"].values()) + [tuple(_rng.uniform(0.02, 0.98, 2)) for _ in range(20)]
for _f0, _f1 in _pairs:
    _u0, _u1 = _np.log(_f0 / (1 - _f0)), _np.log(_f1 / (1 - _f1))
    _reachable = (_u0 == 0 and _u1 == 0) or (_u0 != 0 and 0 < _u1 / _u0 < 2)
    _w = bias_free_weights(float(_f0), float(_f1))
    _where = f"({_f0:.3f}, {_f1:.3f})"
    if not _reachable:
        assert _w is None, f"weights for {_where}, which no bias-free chain outputs"
        continue
    assert _w is not None, f"None for {_where}, which a bias-free chain outputs"
    _w1, _w2 = (float(_v) for _v in _w)
    _out = [1 / (1 + _np.exp(-_w2 / (1 + _np.exp(-_w1 * _x)))) for _x in (0.0, 1.0)]
    assert _np.allclose(_out, (_f0, _f1), rtol=0, atol=1e-9), f"the weights miss {_where}"
