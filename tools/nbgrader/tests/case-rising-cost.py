"""Hidden tests of *The cost that keeps rising*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-rising-cost-1 auto=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-rising-cost")
_verdict = _xl.checks.check_dL_dp(my_dL_dp, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1721)
_p = _rng.uniform(0.05, 0.95, size=(6, 1))
_y = _rng.integers(0, 2, size=(6, 1)).astype(float)
_got = _np.asarray(my_dL_dp(_p.copy(), _y.copy()), dtype=float)
_s = 1 / 6 if _mine["reduction"] == "mean" else 1.0  # L = -s sum(w y ln p + (1 - y) ln(1 - p))
_want = _s * (-_mine["pos_weight"] * _y / _p + (1 - _y) / (1 - _p))
assert _got.shape == (6, 1) and _np.allclose(_got, _want), "not dL/dp of your loss"

# %% ex-case-rising-cost-2 auto=2 written=1
import numpy as _np

import xorlab as _xl

_X, _y = _xl.xor()
_net = _xl.MLP((2, 2, 1), seed=0, faults=("flipped_bce_grad",))  # net50, rebuilt
_ = _xl.train(_net, _X, _y, lr=0.5, epochs=50)
_verdict = _xl.checks.check_step_signs(bce_sign, surrogate_sign, _net, _X, _y, lr=0.5)
assert _verdict, str(_verdict)
_before = _net.loss(_X, _y)
_step = _net.gradients(_X, _y)
_after_net = _net.copy()
_after_net.params = {k: v - 0.5 * _step[k] for k, v in _net.params.items()}
_want = "up" if _after_net.loss(_X, _y) > _before else "down"
assert str(bce_sign).strip().lower() == _want, "the sign of the change of L is not right"

# %% ex-case-rising-cost-3 auto=2
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-rising-cost")
_verdict = _xl.checks.check_sum_lr(your_lr, lr_sum=_mine["lr_sum"], n=_mine["n_sum"])
assert _verdict, str(_verdict)
assert _np.isclose(float(your_lr), _mine["lr_sum"] * _mine["n_sum"]), "not the mean's lr"

# %% ex-case-rising-cost-4 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-rising-cost")
_verdict = _xl.checks.check_y_flip_surrogate(s_prime, numbers=_mine)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1724)
_z = _rng.normal(size=(5, 1))
_y = _rng.integers(0, 2, size=(5, 1)).astype(float)
_p = 1 / (1 + _np.exp(-_z))
_s = 1 / 5 if _mine["reduction"] == "mean" else 1.0
_want = _s * (_mine["pos_weight"] * _y * (1 - _p) + (1 - _y) * _p)  # the flipped first term
_got = _np.zeros_like(_z)
for _i in range(5):
    _up, _down = _z.copy(), _z.copy()
    _up[_i] += 1e-6
    _down[_i] -= 1e-6
    _got[_i] = (float(s_prime(_up, _y.copy())) - float(s_prime(_down, _y.copy()))) / 2e-6
assert _np.allclose(_got, _want, rtol=1e-4, atol=1e-7), "the slope of s_prime is not the flip's"

# %% ex-case-rising-cost-5 auto=3 written=1
import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-rising-cost")
assert set(recipe) == {"lr", "epochs", "init_scale"}, "recipe sets lr, epochs and init_scale"
_verdict = _xl.checks.check_xor_recipe(**recipe, numbers=_mine)  # trains 1,000 new seeds
assert _verdict, str(_verdict)
assert recipe["epochs"] <= _mine["max_epochs"], f"at most {_mine['max_epochs']} iterations"

# %% ex-case-rising-cost-6 auto=5
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-rising-cost")
_verdict = _xl.checks.check_rising_cost_step(fixed_step, numbers=_mine)
assert _verdict, str(_verdict)


def _student_loss(q, X, y):
    """-s sum(w y ln p + (1 - y) ln(1 - p)) of this student's 2-2-1 net, as a float."""
    _a = X @ q["W1"] + q["b1"]
    _h = _np.tanh(_a) if _mine["activation"] == "tanh" else 1 / (1 + _np.exp(-_a))
    _z = _h @ q["W2"] + q["b2"]
    _terms = _mine["pos_weight"] * y * _np.logaddexp(0, -_z) + (1 - y) * _np.logaddexp(0, _z)
    return float(_terms.sum() / (len(X) if _mine["reduction"] == "mean" else 1))


_rng = _np.random.default_rng(1726)
_q = {"W1": _rng.normal(size=(2, 2)), "b1": _rng.normal(size=2),
      "W2": _rng.normal(size=(2, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
_X = _rng.normal(size=(6, 2))
_y = _rng.integers(0, 2, size=(6, 1)).astype(float)
_new = fixed_step({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy(), 0.2)
_g = _finite_differences(_student_loss, _q, _X, _y)
for _k, _v in _q.items():
    _got = _np.asarray(_new[_k], dtype=float)
    assert _np.allclose(_got, _v - 0.2 * _g[_k], rtol=1e-5, atol=1e-7), (
        f"the step for {_k} is wrong"
    )


# %% ex-case-rising-cost-7 auto=4
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_grad_check(grad_check)
assert _verdict, str(_verdict)
_mine = _xl.checks.graded_numbers("case-rising-cost")
_rng = _np.random.default_rng(1727)
_h = _mine["hidden"] + 1
_q = {"W1": _rng.normal(size=(2, _h)), "b1": _rng.normal(size=_h),
      "W2": _rng.normal(size=(_h, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
_X, _y = _mine["X"], _mine["y"]
_true = _backprop(_q, _X, _y)
_bad = {**_true, "W1": -_true["W1"], "b2": _true["b2"] * len(_X)}
_got = grad_check(
    {_k: _v.copy() for _k, _v in _bad.items()},
    {_k: _v.copy() for _k, _v in _q.items()},
    _X.copy(),
    _y.copy(),
    1e-6,
)
for _k in _q:
    _scale = max(_np.abs(_bad[_k]).max(), _np.abs(_true[_k]).max(), 1e-8)
    _want = _np.abs(_bad[_k] - _true[_k]).max() / _scale
    if _want == 0:
        assert float(_got[_k]) < 1e-5, f"{_k}'s gradient is right, but not by your check"
    else:
        assert _np.isclose(float(_got[_k]), _want, rtol=1e-3), f"the error of {_k} is not it"

# %% ex-case-rising-cost-8 auto=2 written=1
import numpy as _np

import xorlab as _xl

_mine = _xl.checks.graded_numbers("case-rising-cost")
_verdict = _xl.checks.check_wrong_arrays(wrong_arrays, numbers=_mine)
assert _verdict, str(_verdict)
_q, _X, _y = _mine["params"], _mine["X"], _mine["y"]
_g = _xl.checks.planted_backward(_mine)(_q, _X, _y)
_fd = _finite_differences(_mean_bce, _q, _X, _y)
_want = {
    _k
    for _k in _q
    if _np.abs(_g[_k] - _fd[_k]).max() > 1e-4 * max(_np.abs(_g[_k]).max(), _np.abs(_fd[_k]).max())
}
assert {str(_k) for _k in wrong_arrays} == _want, "not the arrays whose gradient is wrong"
