"""Hidden tests of *The cost that keeps rising*, one section per exercise.

The format is explained in tests/xor-done-right.py.
"""
# ruff: noqa: E402, F811, F821 (each section is a cell of its own; answers come from the notebook)

# %% ex-case-rising-cost-1 auto=1
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_bce_grad(my_dL_dp)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1721)
_p = _rng.uniform(0.05, 0.95, size=(6, 1))
_y = _rng.integers(0, 2, size=(6, 1)).astype(float)
_got = _np.asarray(my_dL_dp(_p.copy(), _y.copy()), dtype=float)
assert _np.allclose(_got, (-_y / _p + (1 - _y) / (1 - _p)) / 6), "not dL/dp of the mean BCE"

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

_verdict = _xl.checks.check_sum_lr(your_lr, lr_sum=0.25, n=8)
assert _verdict, str(_verdict)
assert _np.isclose(float(your_lr), 0.25 * 8), "not the learning rate of the mean"

# %% ex-case-rising-cost-4 auto=2 written=1
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_y_flip_surrogate(s_prime)
assert _verdict, str(_verdict)
_rng = _np.random.default_rng(1724)
_z = _rng.normal(size=(5, 1))
_y = _rng.integers(0, 2, size=(5, 1)).astype(float)
_p = 1 / (1 + _np.exp(-_z))
_want = (_y * (1 - _p) + (1 - _y) * _p) / 5  # the gradient the flipped first term gives
_got = _np.zeros_like(_z)
for _i in range(5):
    _up, _down = _z.copy(), _z.copy()
    _up[_i] += 1e-6
    _down[_i] -= 1e-6
    _got[_i] = (float(s_prime(_up, _y.copy())) - float(s_prime(_down, _y.copy()))) / 2e-6
assert _np.allclose(_got, _want, rtol=1e-4, atol=1e-7), "the slope of s_prime is not the flip's"

# %% ex-case-rising-cost-5 auto=3 written=1
import xorlab as _xl

_verdict = _xl.checks.check_xor_recipe(**recipe)
assert _verdict, str(_verdict)
assert recipe["epochs"] <= 5000, "at most 5,000 iterations"

# %% ex-case-rising-cost-6 auto=5
import numpy as _np

import xorlab as _xl

_verdict = _xl.checks.check_rising_cost_step(fixed_step)
assert _verdict, str(_verdict)


_rng = _np.random.default_rng(1726)
_q = {"W1": _rng.normal(size=(2, 2)), "b1": _rng.normal(size=2),
      "W2": _rng.normal(size=(2, 1)), "b2": _rng.normal(size=1)}  # fmt: skip
_X = _rng.normal(size=(6, 2))
_y = _rng.integers(0, 2, size=(6, 1)).astype(float)
_new = fixed_step({k: v.copy() for k, v in _q.items()}, _X.copy(), _y.copy(), 0.2)
_g = _finite_differences(_mean_bce, _q, _X, _y)
for _k, _v in _q.items():
    _got = _np.asarray(_new[_k], dtype=float)
    assert _np.allclose(_got, _v - 0.2 * _g[_k], rtol=1e-5, atol=1e-7), (
        f"the step for {_k} is wrong"
    )
