"""Activation functions (xorlab.core.activations): values, derivatives and numerical safety."""

import dataclasses
import warnings

import numpy as np
import pytest

import xorlab as xl
from xorlab.core import activations as act


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


def test_every_derivative_keeps_the_shape_of_z():
    z = np.linspace(-2, 2, 6).reshape(3, 2)
    for name, unit in xl.ACTIVATIONS.items():
        assert unit.df(z).shape == z.shape, name


def test_an_activation_cannot_be_changed_in_place():
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'df'"):
        xl.ACTIVATIONS["tanh"].df = act.sigmoid_derivative
