"""Input checks (xorlab.core._validate): bad input gets a clear error naming the problem."""

import numpy as np
import pytest

import xorlab as xl

X, y = xl.xor()


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


def test_train_and_gradcheck_need_an_mlp():
    with pytest.raises(TypeError, match="train needs an xorlab.MLP, got dict"):
        xl.train({"W1": np.zeros((2, 2))}, X, y, lr=0.1, epochs=1)
    with pytest.raises(TypeError, match="gradcheck needs an xorlab.MLP, got str"):
        xl.gradcheck("net", X, y)


# --- binary cross-entropy needs probabilities ------------------------------------------------


@pytest.mark.parametrize("bad", [-1.0, 2.0, 1 + 1e-12, -1e-300])
def test_bce_targets_outside_zero_one_are_refused(bad):
    ybad = y.copy()
    ybad[2, 0] = bad
    net = xl.MLP((2, 2, 1))
    for call in (net.loss, net.gradients, lambda a, b: xl.gradcheck(net, a, b)):
        with pytest.raises(ValueError, match=r"targets in \[0, 1\].*1 value\(s\) outside"):
            call(X, ybad)
    with pytest.raises(ValueError, match=r"targets in \[0, 1\]"):
        xl.train(net, X, ybad, lr=0.1, epochs=1)
    with pytest.raises(ValueError, match=r"targets in \[0, 1\]"):
        xl.train_many(2, X=X, y=ybad, epochs=1)
    xl.MLP((2, 2, 1), loss="mse").loss(X, ybad)  # any real target is fine for mse


def test_bce_targets_at_the_ends_and_soft_targets_are_accepted():
    net = xl.MLP((2, 2, 1))
    soft = np.array([[0.0], [1.0], [0.25], [1.0 - 1e-12]])
    assert np.isfinite(net.loss(X, soft)) and xl.gradcheck(net, X, soft).passed
