"""Data, activations, losses: values, derivatives and numerical safety."""

import warnings

import numpy as np
import pytest

import xorlab as xl
from xorlab import activations as act
from xorlab import losses


@pytest.mark.parametrize("name", ["xor", "and", "or", "identity"])
def test_tasks_are_float64_column_targets(name):
    X, y = xl.TASKS[name]()
    assert X.dtype == np.float64 and y.dtype == np.float64
    assert X.ndim == 2 and y.shape == (X.shape[0], 1)


def test_task_truth_tables():
    X, y = xl.xor()
    assert np.array_equal(y.ravel(), np.logical_xor(X[:, 0], X[:, 1]))
    assert np.array_equal(xl.and_()[1].ravel(), X.min(axis=1))
    assert np.array_equal(xl.or_()[1].ravel(), X.max(axis=1))
    Xi, yi = xl.identity()
    assert np.array_equal(Xi, yi) and Xi.shape == (2, 1)


def test_tasks_return_fresh_arrays():
    X, _ = xl.xor()
    X[0, 0] = 7
    assert xl.xor()[0][0, 0] == 0


def test_sigmoid_is_safe_at_extremes():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.sigmoid(np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0]))
        d = act.sigmoid_derivative(np.array([-1000.0, 1000.0]))
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(d))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[2] == 0.5
    assert np.allclose(
        act.sigmoid(np.array([-2.0, 3.0])), 1 / (1 + np.exp([2.0, -3.0])), atol=1e-15
    )


@pytest.mark.parametrize("name", list(xl.ACTIVATIONS))
def test_activation_derivatives_match_finite_differences(name):
    a = xl.ACTIVATIONS[name]
    z = np.array([-2.5, -0.7, 0.3, 1.9])  # away from kinks
    h = 1e-6
    numeric = (a.f(z + h) - a.f(z - h)) / (2 * h)
    assert np.allclose(a.df(z), numeric, atol=1e-8)
    assert np.allclose(a.df_cached(z, a.f(z)), a.df(z), atol=1e-12)


def test_derivative_bounds():
    z = np.linspace(-10, 10, 2001)
    assert act.sigmoid_derivative(z).max() == pytest.approx(0.25)
    assert act.tanh_derivative(z).max() == pytest.approx(1.0)
    assert act.relu_derivative(np.array([0.0]))[0] == 0.0


def test_bce_is_finite_at_zero_and_one():
    p = np.array([[0.0], [1.0], [0.0], [1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value, grad = losses.bce(p, y), losses.bce_grad(p, y)
    assert np.isfinite(value) and np.all(np.isfinite(grad))
    assert value > 10  # two confidently wrong predictions are punished hard


def test_bce_from_logits_matches_probabilities():
    z = np.array([[-3.0], [-0.2], [0.4], [2.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    assert losses.bce_with_logits(z, y) == pytest.approx(losses.bce(act.sigmoid(z), y), rel=1e-12)
    assert np.isfinite(losses.bce_with_logits(np.array([[800.0]]), np.array([[0.0]])))


@pytest.mark.parametrize("name", ["bce", "mse"])
def test_loss_gradients_match_finite_differences(name):
    loss = xl.LOSSES[name]
    p = np.array([[0.2], [0.7], [0.45], [0.9]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    h = 1e-7
    numeric = np.zeros_like(p)
    for i in range(len(p)):
        up, down = p.copy(), p.copy()
        up[i] += h
        down[i] -= h
        numeric[i] = (loss.value(up, y) - loss.value(down, y)) / (2 * h)
    assert np.allclose(loss.grad(p, y), numeric, rtol=1e-6)
    assert loss.value(p, y) == pytest.approx(loss.elementwise(p, y).sum() / len(p))


def test_sigmoid_bce_shortcut_is_chain_rule():
    z = np.array([[-1.0], [0.5], [2.0]])
    y = np.array([[1.0], [0.0], [1.0]])
    p = act.sigmoid(z)
    chained = losses.bce_grad(p, y) * act.sigmoid_derivative(z)
    assert np.allclose(losses.sigmoid_bce_delta(p, y), chained, rtol=1e-10)


def test_wilson_interval():
    lo, hi = xl.wilson_interval(74, 100)
    assert lo < 0.74 < hi and hi - lo < 0.2
    assert xl.wilson_interval(0, 50)[0] == 0.0 and xl.wilson_interval(50, 50)[1] == 1.0
    narrow = xl.wilson_interval(740, 1000)
    assert narrow[1] - narrow[0] < hi - lo
    with pytest.raises(ValueError, match="successes"):
        xl.wilson_interval(5, 4)


def test_activation_values_and_cached_derivatives_by_hand():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    A = xl.ACTIVATIONS
    assert np.array_equal(A["leaky_relu"].f(z), [-0.02, -0.005, 0.0, 0.5, 2.0])  # slope 0.01
    assert np.array_equal(A["leaky_relu"].df(z), [0.01, 0.01, 0.01, 1.0, 1.0])  # 0.01 at the kink
    assert np.array_equal(A["relu"].df(z), [0.0, 0.0, 0.0, 1.0, 1.0])  # 0 at the kink
    s = 1 / (1 + np.exp(-z))
    t = np.tanh(z)
    expected = {
        "sigmoid": s * (1 - s),
        "tanh": 1 - t**2,
        "relu": (z > 0) * 1.0,
        "leaky_relu": np.where(z > 0, 1.0, 0.01),
        "identity": np.ones_like(z),
    }
    for name, unit in A.items():
        cached = unit.df_cached(z, unit.f(z)) * np.ones_like(z)
        assert np.allclose(cached, expected[name], atol=1e-15), name
    assert {n for n, a in A.items() if a.kink} == {"relu", "leaky_relu"}
