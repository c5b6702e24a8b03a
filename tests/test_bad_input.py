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
        ({"seed": -3}, ValueError, "seed must be a non-negative integer, got -3"),
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


# --- binary cross-entropy needs probabilities ------------------------------------------------


@pytest.mark.parametrize("output", ["tanh", "identity", "relu"])
def test_bce_without_a_sigmoid_output_is_refused(output):
    with pytest.raises(ValueError, match=f"loss='bce' needs output='sigmoid'.*output='{output}'"):
        xl.MLP((2, 2, 1), output=output, loss="bce")
    with pytest.raises(ValueError, match="loss='bce' needs output='sigmoid'"):
        xl.train_many(2, output=output, epochs=1)


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


# --- the gradient check's own arguments ------------------------------------------------------


@pytest.mark.parametrize("value", [-1.0, 0.0, float("nan"), float("inf")])
@pytest.mark.parametrize("name", ["tol", "eps"])
def test_gradcheck_refuses_tol_and_eps_that_are_not_positive_and_finite(name, value):
    net = xl.MLP((2, 2, 1))
    with pytest.raises(ValueError, match=f"{name} must be finite and > 0, got {value!r}"):
        xl.gradcheck(net, X, y, **{name: value})


@pytest.mark.parametrize(
    "array, words",
    [
        (np.ones((2, 2), dtype=int), r"'W1' has dtype int64, which cannot hold a step of eps"),
        (np.ones((2, 2), dtype=np.float32), r"'W1' has dtype float32, which keeps about 7 digits"),
        ([[1.0, 1.0], [1.0, 1.0]], r"'W1' is a list, not a numpy array"),
    ],
)
def test_check_gradients_refuses_parameters_that_are_not_float64(array, words):
    params = {"W1": array}
    with pytest.raises(TypeError, match=words):
        xl.check_gradients(lambda p: 0.0, lambda p: {"W1": np.zeros((2, 2))}, params)
    with pytest.raises(TypeError, match="non-empty dict"):
        xl.check_gradients(lambda p: 0.0, lambda p: {}, {})


# --- Wilson intervals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, error, words",
    [
        ((3, 10, -1.96), ValueError, "z must be a positive, finite"),
        ((3, 10, 0.0), ValueError, "z must be a positive, finite"),
        ((3, 10, float("nan")), ValueError, "z must be a positive, finite"),
        ((2.5, 10), TypeError, "successes must be a whole number"),
        ((3, 10.0), TypeError, "n must be a whole number"),
        ((True, 10), TypeError, "successes must be a whole number"),
        ((11, 10), ValueError, r"successes must lie in \[0, n\], got 11 of 10"),
        ((-1, 10), ValueError, r"successes must lie in \[0, n\], got -1 of 10"),
        ((0, 0), ValueError, "n must be at least 1 trial, got 0"),
    ],
)
def test_wilson_refuses_impossible_arguments(args, error, words):
    with pytest.raises(error, match=words):
        xl.wilson_interval(*args)


# --- bounded work ----------------------------------------------------------------------------


def test_unbounded_training_is_refused_before_any_work():
    with pytest.raises(ValueError, match="10,000,000 networks at once.*LIMITS.networks = 200,000"):
        xl.train_many(10**7)
    with pytest.raises(ValueError, match="epochs=1,000,000,000 means.*LIMITS.steps"):
        xl.train(xl.MLP((2, 2, 1)), X, y, lr=0.1, epochs=10**9)
    with pytest.raises(ValueError, match="epochs=600,000 means 2,400,000 gradient steps"):
        xl.train_many(2, epochs=600_000, mode="sample")
    with pytest.raises(ValueError, match=r"100,000 epochs x 100,000 networks.*LIMITS.work"):
        xl.train_many(100_000, (2, 50, 1), epochs=100_000)


def test_work_bound_holds_at_its_boundary(monkeypatch):
    # 3 networks x 2 epochs x 4 samples x 9 parameters (2-2-1 with biases) = 216 updates
    monkeypatch.setattr(xl.LIMITS, "work", 216)
    assert xl.train_many(3, epochs=2).n == 3
    with pytest.raises(ValueError, match="= 288 updates, more than xorlab.LIMITS.work = 216;"):
        xl.train_many(4, epochs=2)  # 288
    monkeypatch.setattr(xl.LIMITS, "steps", 8)
    xl.train_many(1, epochs=2, mode="sample")
    with pytest.raises(ValueError, match="epochs=3 means 12 gradient steps"):
        xl.train_many(1, epochs=3, mode="sample")


def test_train_and_gradcheck_need_an_mlp():
    with pytest.raises(TypeError, match="train needs an xorlab.MLP, got dict"):
        xl.train({"W1": np.zeros((2, 2))}, X, y, lr=0.1, epochs=1)
    with pytest.raises(TypeError, match="gradcheck needs an xorlab.MLP, got str"):
        xl.gradcheck("net", X, y)


def test_translated_program_is_bounded_too():
    with pytest.raises(ValueError, match="epochs=1,000,000 means 4,000,000 gradient steps"):
        xl.online.translation_train(epochs=10**6)
