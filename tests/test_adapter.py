"""xorlab.adapt on small learners written here: how it reads the reader's object (attribute
paths, samples as columns, flat targets, the learning rate), and that the gradient it infers is
the mean-BCE gradient computed independently. Fast: the mutation runs try these first."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [1.0]])  # OR: one layer is enough


def sig(z):
    return 1 / (1 + np.exp(-z))


def true_gradient(W, b, X=X, Y=Y):
    """Mean-BCE gradient of a sigmoid unit, W (2, 1), b (1,)."""
    d = (sig(X @ W + b) - Y) / len(X)
    return X.T @ d, d.sum(0)


class Unit:
    """A reader's logistic unit: per-sample or mini-batch steps, weights in attributes, in a
    dict ('params.W') or in a list ('weights.0')."""

    def __init__(self, lr=0.5, batch=1, store="attr"):
        self.lr, self.batch, self.store = lr, batch, store
        W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
        if store == "attr":
            self.W, self.b = W, b
        elif store == "dict":
            self.params = {"W": W, "b": b}
        else:
            self.weights = [W, b]

    def get(self):
        if self.store == "attr":
            return self.W, self.b
        if self.store == "dict":
            return self.params["W"], self.params["b"]
        return tuple(self.weights)

    def put(self, W, b):
        if self.store == "attr":
            self.W, self.b = W, b
        elif self.store == "dict":
            self.params = {"W": W, "b": b}
        else:
            self.weights = [W, b]

    def forward(self, X):
        W, b = self.get()
        return sig(X @ W + b)

    def train(self, X, y):
        y = y.reshape(len(X), -1)
        for i in range(0, len(X), self.batch):
            xb, yb = X[i : i + self.batch], y[i : i + self.batch]
            W, b = self.get()
            d = (sig(xb @ W + b) - yb) / len(xb)
            self.put(W - self.lr * xb.T @ d, b - self.lr * d.sum(0))

    def cost(self, X, y):
        p = self.forward(X)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


PATHS = {"attr": "W b", "dict": "params.W params.b", "list": "weights.0 weights.1"}


@pytest.mark.parametrize("store", PATHS)
@pytest.mark.parametrize("batch", [1, 2, 4])
def test_the_inferred_gradient_is_the_mean_bce_gradient(store, batch):
    unit = Unit(batch=batch, store=store)
    case = xl.adapt(unit, PATHS[store], "train", X, Y, predict="forward", lr="lr")
    names = PATHS[store].split()
    W, b = unit.get()
    want = dict(zip(names, true_gradient(W, b)))
    got = case["grad"](case["params"])
    for k in names:
        np.testing.assert_allclose(got[k], want[k], rtol=1e-5, atol=1e-10)
    assert case["lr"] == 0.5 and case["step"].ignores_grads


def test_a_hard_coded_rate_gives_the_gradient_from_single_samples():
    unit = Unit(lr=0.5, batch=1)
    case = xl.adapt(unit, ["W", "b"], "train", X, Y, lr=0.5)
    want = dict(zip("Wb", true_gradient(unit.W, unit.b)))
    got = case["grad"](case["params"])
    for k in "Wb":
        np.testing.assert_allclose(got[k], want[k], rtol=1e-8, atol=1e-12)


def test_one_step_is_one_epoch_of_the_readers_training_and_leaves_it_alone():
    unit = Unit(batch=2)
    case = xl.adapt(unit, "W b", "train", X, Y, predict="forward", lr="lr")
    twin = Unit(batch=2)
    twin.train(X, Y)
    after = case["step"](case["params"])
    np.testing.assert_array_equal(after["W"], twin.W)
    np.testing.assert_array_equal(after["b"], twin.b)
    assert np.array_equal(unit.W, Unit().W) and unit.lr == 0.5


def test_samples_as_columns_and_flat_targets_are_read_as_rows():
    unit = Unit()

    class Columns(Unit):
        def forward(self, Xc):
            return super().forward(Xc.T).T

        def train(self, Xc, yc):
            super().train(Xc.T, np.reshape(yc, (-1, 1)))

    cols = Columns()
    case = xl.adapt(cols, "W b", "train", X.T, Y.ravel(), predict="forward", lr="lr", columns=True)
    assert case["X"].shape == (4, 2) and case["y"].shape == (4, 1)
    np.testing.assert_array_equal(case["X"], X)
    np.testing.assert_allclose(case["predict"](case["params"], X), unit.forward(X))
    got = case["grad"](case["params"])
    np.testing.assert_allclose(got["W"], true_gradient(unit.W, unit.b)[0], rtol=1e-5)


def test_the_printed_loss_is_the_readers_own():
    unit = Unit()
    case = xl.adapt(unit, "W b", "train", X, Y, loss="cost", lr="lr", epochs=7)
    assert case["loss"](case["params"]) == pytest.approx(unit.cost(X, Y))
    assert case["epochs"] == 7 and "predict" not in case


def test_a_rate_given_as_a_keyword_of_train():
    class Keyword(Unit):
        def train(self, X, y, rate=0.1):
            self.lr = rate
            super().train(X, y)

    unit = Keyword()
    case = xl.adapt(unit, "W b", "train", X, Y, lr="rate", train_args={"rate": 0.25})
    assert case["lr"] == 0.25
    got = case["grad"](case["params"])
    np.testing.assert_allclose(got["b"], true_gradient(unit.W, unit.b)[1], rtol=1e-5)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        (dict(params="W c"), ValueError, "no parameter 'c'.*'params.W1'"),
        (dict(params=""), ValueError, "at least one parameter"),
        (dict(train="fit"), ValueError, "train='fit': the object has no method"),
        (dict(lr=None), ValueError, "name the learning rate"),
        (dict(lr="eta"), ValueError, "no attribute 'eta' and train has no keyword 'eta'"),
        (dict(lr=-1.0), ValueError, "lr must be finite and > 0"),
        (dict(y=Y[:3]), ValueError, r"X holds 4 samples but y holds 3 \(samples as columns"),
        (dict(X=X.ravel()), ValueError, "X must be 2-D"),
        (dict(y=Y[None]), ValueError, "y must be 1-D or 2-D"),
    ],
)
def test_misreadings_are_named(kwargs, error, words):
    args = dict(params="W b", train="train", X=X, y=Y, lr="lr") | kwargs
    with pytest.raises(error, match=words):
        xl.adapt(
            Unit(), args.pop("params"), args.pop("train"), args.pop("X"), args.pop("y"), **args
        )


def test_a_dict_needs_functions():
    with pytest.raises(TypeError, match="for a dict of parameters, train must be a function"):
        xl.adapt({"W": np.zeros((2, 1))}, "W", "train", X, Y, lr=0.1)


def test_integer_weights_are_noted_with_their_truncated_step():
    class InPlace(Unit):
        def put(self, W, b):
            self.W[...], self.b[...] = W, b  # stored in the arrays' own dtypes

    unit = InPlace()
    unit.W = np.array([[1], [-1]])  # int64: every update truncates
    case = xl.adapt(unit, "W b", "train", X, Y, lr="lr")
    assert [f.code for f in case["notes"]] == ["integer_weights"]
    assert "W is int64" in case["notes"][0].evidence
    assert xl.adapt(Unit(), "W b", "train", X, Y, lr="lr")["notes"] == []


def test_a_broadcast_step_is_averaged_back_to_the_parameters_shape():
    from xorlab.doctor.calls import reduce_to

    stacked = np.arange(6.0).reshape(3, 2, 1)  # a step that added a leading axis of 3
    np.testing.assert_array_equal(reduce_to(stacked, (2, 1)), [[2.0], [3.0]])
    wide = np.array([[1.0, 3.0], [5.0, 9.0]])  # a column that became 2 columns
    np.testing.assert_array_equal(reduce_to(wide, (2, 1)), [[2.0], [7.0]])
    same = np.array([[1.0], [3.0]])
    np.testing.assert_array_equal(reduce_to(same, (2, 1)), same)


def test_a_dict_key_with_a_dot_is_a_key_not_a_path():
    def train(p, X, y):
        p["w.1"] -= 0.1 * X.T @ (sig(X @ p["w.1"]) - y) / len(X)

    case = xl.adapt({"w.1": np.zeros((2, 1))}, ["w.1"], train, X, Y, lr=0.1)
    assert list(case["params"]) == ["w.1"]
    np.testing.assert_allclose(case["grad"](case["params"])["w.1"], X.T @ (0.5 - Y) / 4)


def test_a_parameter_of_text_is_refused():
    unit = Unit()
    unit.W = np.array([["a"], ["b"]])
    with pytest.raises(TypeError, match="a parameter must be numeric, got ndarray"):
        xl.adapt(unit, "W b", "train", X, Y, lr="lr")
