"""Bad input gets a clear error naming the problem, never a numpy traceback from deep inside."""

import numpy as np
import pytest

import xorlab as xl

X, y = xl.xor()


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"sizes": (2,)}, ValueError, "sizes"),
        ({"sizes": "221"}, TypeError, "sizes"),
        ({"sizes": (2, 0, 1)}, ValueError, "sizes"),
        ({"sizes": (2, 2.5, 1)}, TypeError, "sizes"),
        ({"hidden": "softplus"}, ValueError, "hidden activation"),
        ({"output": 3}, TypeError, "output activation"),
        ({"loss": "hinge"}, ValueError, "loss"),
        ({"init": "glorot"}, ValueError, "init"),
        ({"init_scale": -1.0}, ValueError, "init_scale"),
        ({"seed": -3}, TypeError, "seed"),
        ({"seed": 1.5}, TypeError, "seed"),
        ({"bias": "yes"}, TypeError, "bias"),
        ({"faults": ("typo",)}, ValueError, "unknown fault"),
        ({"faults": 5}, TypeError, "faults"),
        ({"faults": ("flipped_bce_grad",), "loss": "mse"}, ValueError, "needs loss='bce'"),
        ({"faults": ("leak_forward_only",)}, ValueError, "needs hidden='relu'"),
        ({"faults": ("missing_output_derivative",), "sizes": (2, 1)}, ValueError, "hidden layer"),
    ],
)
def test_construction_errors(kwargs, error, words):
    kwargs = {"sizes": (2, 2, 1), **kwargs}
    with pytest.raises(error, match=words):
        xl.MLP(**kwargs)


@pytest.mark.parametrize(
    "Xbad, ybad, error, words",
    [
        (X[:, :1], y, ValueError, "X must have 2 column"),
        (X.ravel(), y, ValueError, "X must be 2-D"),
        (X, y.ravel(), ValueError, "y must be 2-D"),
        (X[:3], y, ValueError, "rows"),
        (np.where(X == 1, np.nan, X), y, ValueError, "NaN"),
        (X, np.full_like(y, np.inf), ValueError, "infinite"),
        (X.astype(str), y, TypeError, "dtype"),
        ("xor", y, TypeError, "numeric array"),
        (X + 1j, y, TypeError, "real"),
        (np.empty((0, 2)), np.empty((0, 1)), ValueError, "empty"),
    ],
)
def test_data_errors(Xbad, ybad, error, words):
    net = xl.MLP((2, 2, 1))
    with pytest.raises(error, match=words):
        net.gradients(Xbad, ybad)


def test_integer_and_bool_inputs_are_accepted():
    net = xl.MLP((2, 2, 1))
    assert np.allclose(net.forward(X.astype(int)), net.forward(X.astype(bool)))


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"lr": 0}, ValueError, "lr"),
        ({"lr": "fast"}, TypeError, "lr"),
        ({"epochs": -1}, ValueError, "epochs"),
        ({"epochs": 2.5}, TypeError, "epochs"),
        ({"mode": "minibatch"}, ValueError, "mode"),
    ],
)
def test_training_errors(kwargs, error, words):
    kwargs = {"lr": 0.1, "epochs": 5, **kwargs}
    with pytest.raises(error, match=words):
        xl.train(xl.MLP((2, 2, 1)), X, y, **kwargs)
    with pytest.raises(error, match=words):
        xl.train_many(2, **kwargs)


def test_train_many_errors():
    with pytest.raises(ValueError, match="n must be"):
        xl.train_many(0)
    with pytest.raises(ValueError, match="y must have 1 column"):
        xl.train_many(2, X=X, y=np.zeros((4, 2)))
    with pytest.raises(ValueError, match="gradcheck|eps"):
        xl.gradcheck(xl.MLP((2, 2, 1)), X, y, eps=0)
