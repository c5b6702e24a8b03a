"""Hidden tests of *XOR, done right*, one section per exercise (read by tools/assignments.py).

A section starts with `# %% <label> auto=<points> written=<points>`; its code becomes the hidden
part of the exercise's autograded cell and runs in the student's kernel after their answer. It
imports what it needs under private names and reads nothing from the notebook but the answer the
exercise names; the expected values are recomputed here, at points the self-checks do not use.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-xor-done-right-1 auto=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("xor-done-right")  # this student's numbers
_verdict = _xl.checks.check_bce_grad(bce_dp, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1701)
_p = _rng.uniform(0.05, 0.95, size=(9, 1))
_y = _rng.integers(0, 2, size=(9, 1)).astype(float)
_got = _np.asarray(bce_dp(_p.copy(), _y.copy()), dtype=float)
assert _got.shape == (9, 1), f"bce_dp returned shape {_got.shape} for p of shape (9, 1)"
_s = 1 / 9 if _mine["reduction"] == "mean" else 1.0  # L = -s sum(w y ln p + (1 - y) ln(1 - p))
_want = _s * (-_mine["pos_weight"] * _y / _p + (1 - _y) / (1 - _p))
assert _np.allclose(_got, _want), "bce_dp is not dL/dp of your BCE"

# %% ex-xor-done-right-2 auto=2
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("xor-done-right")
_verdict = _xl.checks.check_b2_gradient(answer, numbers=_mine)
assert _verdict, str(_verdict)
_X, _y = _xl.xor()
_p = _xl.MLP((2, _mine["width"], 1), seed=_mine["net_seed"]).forward(_X)
_want = float(_np.mean(_p - _y))  # dL/db2 = sum of (p - y) / n
assert _np.isclose(float(answer), _want, rtol=1e-3, atol=1e-9), "dL/db2 is not right"

# %% ex-xor-done-right-3 auto=3 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("xor-done-right")
_verdict = _xl.checks.check_fixed_grads(fixed_grads, numbers=_mine)
assert _verdict, str(_verdict)
_w = _mine["pos_weight"]


def _scale(X):
    return 1 / len(X) if _mine["reduction"] == "mean" else 1.0


def _student_loss(q, X, y):
    """-s sum(w y ln p + (1 - y) ln(1 - p)) of the 2-2-1 sigmoid net, this student's w and s."""
    _h = 1 / (1 + _np.exp(-(X @ q["W1"] + q["b1"])))
    _z = _h @ q["W2"] + q["b2"]
    _terms = _w * y * _np.logaddexp(0, -_z) + (1 - y) * _np.logaddexp(0, _z)
    return _scale(X) * float(_np.sum(_terms))


def _student_backprop(q, X, y):
    """The exact gradients of _student_loss by the chain rule (see _backprop)."""
    _h = 1 / (1 + _np.exp(-(X @ q["W1"] + q["b1"])))
    _p = 1 / (1 + _np.exp(-(_h @ q["W2"] + q["b2"])))
    _d2 = _scale(X) * (_p * (_w * y + 1 - y) - _w * y)
    _d1 = (_d2 @ q["W2"].T) * _h * (1 - _h)
    return {"W1": X.T @ _d1, "b1": _d1.sum(axis=0), "W2": _h.T @ _d2, "b2": _d2.sum(axis=0)}


_rng = _np.random.default_rng(1703)
_q = {"W1": _rng.normal(size=(2, 2)), "b1": _rng.normal(size=2),
      "W2": _rng.normal(size=(2, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
_X = _rng.normal(size=(5, 2))
_y = _rng.integers(0, 2, size=(5, 1)).astype(float)
_got = fixed_grads({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy())
_want = _finite_differences(_student_loss, _q, _X, _y)
_exact = _student_backprop(_q, _X, _y)
for _k in _want:
    assert _np.allclose(_got[_k], _want[_k], rtol=1e-5, atol=1e-7), f"{_k} is still wrong"
    assert _np.allclose(_exact[_k], _want[_k], rtol=1e-5, atol=1e-7)  # the reference itself
    assert _np.allclose(_got[_k], _exact[_k], rtol=1e-9, atol=1e-12), (
        f"{_k} is only close: an estimate, not the backward pass the exercise asks for"
    )

# %% ex-xor-done-right-4 auto=3 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("xor-done-right")
_verdict = _xl.checks.check_xor_weights(hand, numbers=_mine)
assert _verdict, str(_verdict)
_low, _high = _mine["levels"]
_U = _np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # which input is high
_X = _low + (_high - _low) * _U
_y = (_U[:, :1] != _U[:, 1:]).astype(float)  # XOR: the inputs differ
_y = _y if _mine["gate"] == "xor" else 1 - _y
_q = {k: _np.asarray(hand[k], dtype=float) for k in ("W1", "b1", "W2", "b2")}
_h = 1 / (1 + _np.exp(-(_X @ _q["W1"] + _q["b1"])))
_p = 1 / (1 + _np.exp(-(_h @ _q["W2"] + _q["b2"])))
assert _p.shape == (4, 1) and _np.all(_np.abs(_p - _y) < 0.1), "an output is not within 0.1"

# %% ex-xor-done-right-5 auto=2 written=2
# answer moved: a copy of your ReLU network with the parameters at which your check passes
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("xor-done-right")
_X, _y = _xl.xor()
_net = _xl.MLP((2, _mine["relu_width"], 1), hidden="relu", init="he", seed=_mine["relu_seed"])
assert set(moved.params) == set(_net.params), "moved must be a copy of your ReLU network"
for _k, _v in _net.params.items():
    _shape = _np.shape(moved.params[_k])
    assert _shape == _v.shape, f"{_k} of moved has shape {_shape}, your network's {_v.shape}"
_net.params = {k: _np.array(moved.params[k], dtype=float) for k in _net.params}
_z1 = _X @ _net.params["W1"] + _net.params["b1"]
assert _np.abs(_z1).min() > 1e-4, "some hidden pre-activation still sits on the kink at 0"
_report = _xl.gradcheck(_net, _X, _y)
assert _report.passed, "the gradient check fails at your point"
assert sum(c.kinks for c in _report.checks.values()) == 0, "entries are still skipped"

# %% ex-xor-done-right-6 auto=5
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("xor-done-right")
_verdict = _xl.checks.check_backward(backward, numbers=_mine)
assert _verdict, str(_verdict)


def _forward(q, X):
    """(hidden activations, their slope at the pre-activations, p) of this student's net."""
    _z = X @ q["W1"] + q["b1"]
    _h = _np.tanh(_z) if _mine["hidden"] == "tanh" else 1 / (1 + _np.exp(-_z))
    _dh = 1 - _h**2 if _mine["hidden"] == "tanh" else _h * (1 - _h)
    return _h, _dh, 1 / (1 + _np.exp(-(_h @ q["W2"] + q["b2"])))


def _student_loss(q, X, y):
    _p = _forward(q, X)[2]
    if _mine["loss"] == "mse":
        return float(_np.mean((_p - y) ** 2))
    return float(_np.mean(-y * _np.log(_p) - (1 - y) * _np.log(1 - _p)))


def _student_backprop(q, X, y):
    """The exact gradients of _student_loss by the chain rule (see _backprop)."""
    _h, _dh, _p = _forward(q, X)
    _d2 = (_p - y) / len(X) if _mine["loss"] == "bce" else 2 * (_p - y) * _p * (1 - _p) / len(X)
    _d1 = (_d2 @ q["W2"].T) * _dh
    return {"W1": X.T @ _d1, "b1": _d1.sum(axis=0), "W2": _h.T @ _d2, "b2": _d2.sum(axis=0)}


_rng = _np.random.default_rng(1706)
_w = _mine["width"]
for _n in (3, 10):  # batch sizes the self-check does not use
    _q = {"W1": _rng.normal(size=(2, _w)), "b1": _rng.normal(size=_w),
          "W2": _rng.normal(size=(_w, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
    _X = _rng.normal(size=(_n, 2))
    _y = _rng.integers(0, 2, size=(_n, 1)).astype(float)
    _got = backward({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy())
    _want = _finite_differences(_student_loss, _q, _X, _y)
    for _k in _want:
        _g = _np.asarray(_got[_k], dtype=float)
        assert _g.shape == _want[_k].shape, f"{_k} has shape {_g.shape}"
        assert _np.allclose(_g, _want[_k], rtol=1e-5, atol=1e-7), f"{_k} is wrong for n = {_n}"
        _exact = _student_backprop(_q, _X, _y)[_k]
        assert _np.allclose(_exact, _want[_k], rtol=1e-5, atol=1e-7)  # the reference itself
        assert _np.allclose(_g, _exact, rtol=1e-9, atol=1e-12), (
            f"{_k} is only close: an estimate, not the backward pass the exercise asks for"
        )
