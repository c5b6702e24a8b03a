"""Losses (xorlab.core.losses): values, gradients and numerical safety at outputs of 0 and 1."""

import dataclasses
import warnings

import numpy as np
import pytest

import xorlab as xl
from xorlab.core import activations as act
from xorlab.core import losses


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


def test_bce_caps_a_certain_wrong_answer_at_15_ln_10():
    # p is clipped to [1e-15, 1 - 1e-15]: the loss of p = 0 for y = 1 is -ln(1e-15) = 15 ln 10
    assert xl.bce(np.array([[0.0]]), np.array([[1.0]])) == pytest.approx(15 * np.log(10))
    assert xl.bce(np.array([[1.0]]), np.array([[0.0]])) == pytest.approx(15 * np.log(10), 1e-3)


def test_a_loss_cannot_be_changed_in_place():
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'grad'"):
        xl.LOSSES["bce"].grad = xl.LOSSES["mse"].grad
