"""xorlab.adapt, for mutants of `doctor.adapter` that tests/test_adapter.py let through (`make
mutation`): the whole message when the rate cannot be found, a fresh epoch in the reader's own
dtypes, and a later update that leaves the reader's object alone. Learners written here in
plain numpy; expected values computed here."""

import warnings

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [1.0]])


def sig(z):
    return 1 / (1 + np.exp(-z))


class InPlace:
    """A reader's logistic unit that updates its weights in place, in their own dtypes."""

    def __init__(self, W, b, lr=0.5):
        self.W, self.b, self.lr = W, b, lr

    def train(self, X, y):
        d = (sig(X @ self.W + self.b) - y) / len(X)
        self.W[...] = self.W - self.lr * X.T @ d
        self.b[...] = self.b - self.lr * d.sum(0)


def plain_epoch(W, b, lr=0.5):
    """One epoch of InPlace's training, in float64, then stored in W's and b's dtypes."""
    d = (sig(X @ W + b) - Y) / len(X)
    return (W - lr * X.T @ d).astype(W.dtype), (b - lr * d.sum(0)).astype(b.dtype)


@pytest.mark.parametrize(
    "train, words",
    [
        ("train", "(its keywords: none)"),
        ("fit", "(its keywords: 'epochs', 'rate')"),
    ],
)
def test_a_rate_that_is_nowhere_is_named_with_the_keywords_train_has(train, words):
    class Unit(InPlace):
        def fit(self, X, y, epochs=1, rate=0.1):
            self.train(X, y)

    unit = Unit(np.zeros((2, 1)), np.zeros(1))
    with pytest.raises(ValueError) as why:
        xl.adapt(unit, "W b", train, X, Y, lr="eta")
    assert str(why.value) == (
        f"lr='eta': the object has no attribute 'eta' and train has no keyword 'eta' {words}; "
        "name the attribute or keyword your training reads the rate from, or, if the rate is "
        "a number written in the code, pass that number as lr"
    )


def test_an_epoch_afresh_keeps_the_readers_integer_weights():
    """Integer weights truncate every update, afresh as in the reader's own run."""
    W, b = np.array([[3], [-2]]), np.array([1])
    case = xl.adapt(InPlace(W.copy(), b.copy(), lr=4.0), "W b", "train", X, Y, lr="lr")
    after = case["step"].afresh(case["params"])
    want_W, want_b = plain_epoch(W, b, lr=4.0)
    np.testing.assert_array_equal(after["W"], want_W)
    np.testing.assert_array_equal(after["b"], want_b)
    assert not np.array_equal(plain_epoch(W.astype(float), b.astype(float), 4.0)[0], want_W)


def test_a_later_update_leaves_the_readers_object_alone():
    W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
    unit = InPlace(W.copy(), b.copy())
    case = xl.adapt(unit, "W b", "train", X, Y, lr="lr")
    case["grad"](case["params"])  # counts the updates per epoch, as the doctor does first
    reached, _ = case["step"].later(3)
    np.testing.assert_array_equal(unit.W, W)
    np.testing.assert_array_equal(unit.b, b)
    want_W, want_b = W, b
    for _ in range(3):
        want_W, want_b = plain_epoch(want_W, want_b)
    np.testing.assert_allclose(reached["W"], want_W, rtol=1e-12)
    np.testing.assert_allclose(reached["b"], want_b, rtol=1e-12)


def true_gradient(W, b):
    """Mean-BCE gradient of the sigmoid unit on (X, Y): W (2, 1), b (1,)."""
    d = (sig(X @ W + b) - Y) / len(X)
    return X.T @ d, d.sum(0)


class PerSample(InPlace):
    """Four updates an epoch, one per sample (its step the sample's own gradient)."""

    def train(self, X, y):
        for i in range(len(X)):
            super().train(X[i : i + 1], y[i : i + 1])


class Frozen(InPlace):
    """Computes its step and forgets to apply it."""

    def train(self, X, y):
        (sig(X @ self.W + self.b) - y) / len(X)


def later(unit, epochs=3):
    case = xl.adapt(unit, "W b", "train", X, Y, lr="lr")
    case["grad"](case["params"])  # counts the updates per epoch, as the doctor does first
    return case["step"].later(epochs)


def test_a_later_update_of_per_sample_steps_is_the_mean_gradient():
    reached, g = later(PerSample(np.array([[0.3], [-0.2]]), np.array([0.1])))
    W, b = true_gradient(reached["W"], reached["b"])
    np.testing.assert_allclose(g["W"], W, rtol=1e-4)
    np.testing.assert_allclose(g["b"], b, rtol=1e-4)


def test_a_later_update_that_never_moves_reads_as_a_zero_gradient():
    reached, g = later(Frozen(np.array([[0.3], [-0.2]]), np.array([0.1])))
    np.testing.assert_array_equal(reached["W"], [[0.3], [-0.2]])
    assert not np.any(g["W"]) and not np.any(g["b"])


def test_the_readers_loss_is_read_at_float_weights_whatever_it_stores():
    """The doctor asks for the loss between the reader's integer steps: in float64."""

    class Costed(InPlace):
        def cost(self, X, y):
            p = sig(X @ self.W + self.b)
            return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    unit = Costed(np.array([[1], [-1]]), np.array([0]))  # int64 weights
    case = xl.adapt(unit, "W b", "train", X, Y, loss="cost", lr="lr")
    W, b = np.array([[0.25], [0.5]]), np.array([0.1])
    p = sig(X @ W + b)
    want = -np.mean(Y * np.log(p) + (1 - Y) * np.log(1 - p))
    assert case["loss"]({"W": W, "b": b}) == pytest.approx(want, rel=1e-12)


class RootAfterThree(InPlace):
    """From its fourth epoch on, steps by the square root of its rate (a decay written as
    `lr ** 0.5`): that later update is not proportional to the rate."""

    t = 0

    def train(self, X, y):
        self.t += 1
        rate = self.lr if self.t <= 3 else self.lr**0.5
        d = (sig(X @ self.W + self.b) - y) / len(X)
        self.W = self.W - rate * X.T @ d
        self.b = self.b - rate * d.sum(0)


def test_a_later_update_not_proportional_to_its_rate_gives_no_gradient():
    unit = RootAfterThree(np.array([[0.3], [-0.2]]), np.array([0.1]))
    assert later(unit, epochs=3) is None
    # its first three epochs are proportional: a gradient is read after two
    reached, g = later(RootAfterThree(np.array([[0.3], [-0.2]]), np.array([0.1])), epochs=2)
    W, b = true_gradient(reached["W"], reached["b"])
    np.testing.assert_allclose(g["W"], W, rtol=1e-4)
    np.testing.assert_allclose(g["b"], b, rtol=1e-4)


def test_a_later_update_keeps_the_readers_numpy_warnings_quiet():
    """A reader that keeps everything in float32: exp(90) overflows float32 in each of its
    epochs (harmlessly: the sigmoid is then 0), never in the adapter's float64 probes."""
    X32, W, b = X.astype(np.float32), np.float32([[-50], [-50]]), np.float32([10])
    with np.errstate(over="ignore"):  # xl.adapt runs one epoch of the reader's, as it is
        case = xl.adapt(InPlace(W.copy(), b.copy()), "W b", "train", X32, Y, lr="lr")
    case["grad"](case["params"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would reach the learner's screen
        reached, _ = case["step"].later(3)
    with np.errstate(all="ignore"):
        want = InPlace(W.copy(), b.copy())
        for _ in range(3):
            want.train(X32, Y)
    np.testing.assert_array_equal(reached["W"], want.W)
    np.testing.assert_array_equal(reached["b"], want.b)
    with pytest.warns(RuntimeWarning, match="overflow"):
        InPlace(W.copy(), b.copy()).train(X32, Y)  # the reader's own epoch does warn


class Flat(InPlace):
    """Its forward returns a flat vector of outputs, (n,)."""

    def forward(self, X):
        return sig(X @ self.W + self.b).ravel()


def test_predict_reads_flat_outputs_as_a_column_at_float_weights():
    """The doctor asks for outputs between the reader's integer steps: in float64, (n, 1)."""
    unit = Flat(np.array([[1], [-1]]), np.array([0]))  # int64 weights
    case = xl.adapt(unit, "W b", "train", X, Y, predict="forward", lr="lr")
    W, b = np.array([[0.25], [0.5]]), np.array([0.1])
    out = case["predict"]({"W": W, "b": b}, X)
    assert out.shape == (4, 1)
    np.testing.assert_allclose(out, sig(X @ W + b), rtol=1e-12)


class Columns:
    """A logistic unit with samples as columns: X (2, n), y (1, n), W (1, 2), b (1, 1)."""

    def __init__(self, W, b, lr=0.5):
        self.W, self.b, self.lr = W, b, lr

    def train(self, X, y):
        d = (sig(self.W @ X + self.b) - y) / X.shape[1]
        self.W = self.W - self.lr * d @ X.T
        self.b = self.b - self.lr * d.sum(1, keepdims=True)


@pytest.mark.parametrize("dtype", [np.int64, np.float32])
def test_an_epoch_on_other_inputs_hands_them_over_in_the_readers_layout(dtype):
    """The doctor's run on rescaled inputs (rows, float64) reaches a reader whose samples are
    columns as columns, in the reader's float dtype (float64 for integer inputs: never
    truncated)."""
    W, b = np.array([[0.3, -0.2]]), np.array([[0.1]])
    unit = Columns(W.copy(), b.copy())
    case = xl.adapt(unit, "W b", "train", X.T.astype(dtype), Y.T, lr="lr", columns=True)
    Z = X / 3 + 0.1  # other inputs, in the doctor's layout (n, 2), not exact in float32
    after = case["step"].on_inputs(Z)(case["params"], None)
    mine = Z.T.astype(np.float64 if dtype == np.int64 else dtype)
    want = Columns(W.copy(), b.copy())
    want.train(mine, Y.T)
    np.testing.assert_allclose(after["W"], want.W, rtol=1e-12)
    np.testing.assert_allclose(after["b"], want.b, rtol=1e-12)


def test_a_columns_reader_with_its_rate_in_the_code_gets_the_mean_bce_gradient():
    """lr a number: the gradient is the mean of one-sample epochs, each sample a column."""
    W, b = np.array([[0.3, -0.2]]), np.array([[0.1]])
    case = xl.adapt(Columns(W.copy(), b.copy()), "W b", "train", X.T, Y.T, lr=0.5, columns=True)
    g = case["grad"](case["params"])
    want_W, want_b = true_gradient(W.T, b[0])
    np.testing.assert_allclose(g["W"], want_W.T, rtol=1e-9)
    np.testing.assert_allclose(g["b"], want_b.reshape(1, 1), rtol=1e-9)


def test_predict_keeps_row_outputs_as_they_are():
    class Rows(InPlace):
        def forward(self, X):
            return sig(X @ self.W + self.b)

    case = xl.adapt(
        Rows(np.zeros((2, 1)), np.zeros(1)), "W b", "train", X, Y, predict="forward", lr="lr"
    )
    W, b = np.array([[0.25], [0.5]]), np.array([0.1])
    np.testing.assert_allclose(case["predict"]({"W": W, "b": b}, X), sig(X @ W + b), rtol=1e-12)


class Batches(InPlace):
    """Mini-batches of 3 samples: on 4 samples, two updates an epoch (of 3, then of 1)."""

    def train(self, X, y):
        for i in range(0, len(X), 3):
            super().train(X[i : i + 3], y[i : i + 3])


def test_uneven_mini_batches_give_the_mean_of_the_updates_gradients():
    W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
    case = xl.adapt(Batches(W.copy(), b.copy()), "W b", "train", X, Y, lr="lr")
    g = case["grad"](case["params"])
    d = sig(X @ W + b) - Y
    first, second = d[:3] / 3, d[3:]  # each batch's mean
    np.testing.assert_allclose(g["W"], (X[:3].T @ first + X[3:].T @ second) / 2, rtol=1e-5)
    np.testing.assert_allclose(g["b"], (first.sum(0) + second.sum(0)) / 2, rtol=1e-5)


class Cached(InPlace):
    """Backpropagates through inputs cached by its last forward pass on the whole data: its
    code fails on fewer samples, so one call is one update."""

    def forward(self, X):
        self.X_seen = X
        return sig(X @ self.W + self.b)

    def train(self, X, y):
        d = (sig(X @ self.W + self.b) - y) / len(X)
        self.W = self.W - self.lr * self.X_seen.T @ d  # (2, 4) @ (m, 1): m must be 4
        self.b = self.b - self.lr * d.sum(0)


def test_code_that_fails_on_fewer_samples_is_one_update_an_epoch():
    W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
    unit = Cached(W.copy(), b.copy())
    unit.forward(X)
    case = xl.adapt(unit, "W b", "train", X, Y, lr="lr")
    g = case["grad"](case["params"])
    want_W, want_b = true_gradient(W, b)
    np.testing.assert_allclose(g["W"], want_W, rtol=1e-5)
    np.testing.assert_allclose(g["b"], want_b, rtol=1e-5)


@pytest.mark.parametrize("W_dtype", [np.float64, np.int64])
def test_integer_weights_are_named_with_the_move_they_lose(W_dtype):
    W, b = np.array([[3], [-2]], dtype=W_dtype), np.array([1])
    case = xl.adapt(InPlace(W.copy(), b.copy(), lr=0.7), "W b", "train", X, Y, lr="lr")
    exact = plain_epoch(W.astype(float), b.astype(float), lr=0.7)
    stored = plain_epoch(W, b, lr=0.7)
    lines = [
        f"{k} is int64: one epoch should move it by up to "
        f"{np.abs(e - s).max():.3g}, stored as integers it moved by {np.abs(t - s).max():.3g}"
        for k, s, e, t in zip("Wb", (W, b), exact, stored)
        if np.issubdtype(s.dtype, np.integer)
    ]
    assert [f.evidence for f in case["notes"]] == ["\n".join(lines)]
    assert case["notes"][0].code == "integer_weights"


class Column(InPlace):
    """Outputs as a column (n, 1), whatever the targets' shape; rebinds its weights."""

    def forward(self, X):
        return sig(X @ self.W + self.b)

    def train(self, X, y):
        d = (self.forward(X) - y) / len(X)
        self.W, self.b = self.W - self.lr * X.T @ d, self.b - self.lr * d.sum(0)


def test_flat_targets_get_a_run_with_targets_shaped_like_the_outputs():
    W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
    flat = Y.ravel()
    case = xl.adapt(Column(W.copy(), b.copy()), "W b", "train", X, flat, predict="forward", lr="lr")
    reshaped = case["step"].reshaped
    assert reshaped.shapes == ((4,), (4, 1))
    after = reshaped(case["params"])
    want_W, want_b = plain_epoch(W, b)  # with Y (4, 1)
    np.testing.assert_allclose(after["W"], want_W, rtol=1e-12)
    np.testing.assert_allclose(after["b"], want_b, rtol=1e-12)
    # the reader's own run broadcasts (4, 1) outputs against (4,) targets
    assert not np.allclose(case["step"](case["params"])["W"], want_W)
    for y, predict in ((Y, "forward"), (flat, None)):  # targets as outputs, or no outputs
        case = xl.adapt(Column(W.copy(), b.copy()), "W b", "train", X, y, predict=predict, lr="lr")
        assert not hasattr(case["step"], "reshaped")


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64, np.int32])
def test_coarse_float_weights_get_a_run_with_float64_weights(dtype):
    W, b = np.array([[0.3], [-0.2]]).astype(dtype), np.array([0.1]).astype(dtype)
    case = xl.adapt(InPlace(W.copy(), b.copy()), "W b", "train", X, Y, lr="lr")
    if dtype not in (np.float16, np.float32):
        assert not hasattr(case["step"], "exact")
        return
    exact = case["step"].exact
    assert exact.dtypes == {"W": np.dtype(dtype), "b": np.dtype(dtype)}
    after = exact(case["params"])
    want_W, want_b = plain_epoch(W.astype(np.float64), b.astype(np.float64))
    np.testing.assert_allclose(after["W"], want_W, rtol=1e-12)
    np.testing.assert_allclose(after["b"], want_b, rtol=1e-12)


def refusal(*args, **kw):
    with pytest.raises(ValueError) as why:
        xl.adapt(*args, **kw)
    return str(why.value)


def test_bad_rates_and_data_are_refused_with_what_to_do():
    unit = InPlace(np.zeros((2, 1)), np.zeros(1))
    assert refusal(unit, "W b", "train", X, Y) == (
        "name the learning rate: lr='lr' (the attribute or keyword your training method "
        "reads) or lr=0.1 (the number written in it)"
    )
    negative = InPlace(np.zeros((2, 1)), np.zeros(1), lr=-0.1)
    assert refusal(negative, "W b", "train", X, Y, lr="lr") == (
        "the learning rate 'lr' must be finite and > 0, got -0.1"
    )
    assert refusal(unit, "W b", "train", X, Y[:3], lr="lr") == (
        "X holds 4 samples but y holds 3 (samples as columns? pass columns=True)"
    )
    columns = Columns(np.zeros((1, 2)), np.zeros((1, 1)))
    assert refusal(columns, "W b", "train", X.T, Y.T[:, :3], lr="lr", columns=True) == (
        "X holds 4 samples but y holds 3"
    )
    bad_X, bad_y = X.copy(), Y.copy()
    bad_X[0, 0] = bad_y[0, 0] = np.nan
    assert refusal(unit, "W b", "train", bad_X, Y, lr="lr") == "X contains NaN or infinite values"
    assert refusal(unit, "W b", "train", X, bad_y, lr="lr") == "y contains NaN or infinite values"


def test_the_doctors_data_are_rows_whatever_the_readers_layout():
    for columns in (False, True):
        unit = (
            Columns(np.zeros((1, 2)), np.zeros((1, 1)))
            if columns
            else InPlace(np.zeros((2, 1)), np.zeros(1))
        )
        Xr, yr = (X.T, Y.T) if columns else (X, Y)
        case = xl.adapt(unit, "W b", "train", Xr, yr, lr="lr", columns=columns)
        np.testing.assert_array_equal(case["X"], X)
        np.testing.assert_array_equal(case["y"], Y)


class Nested:
    """Weights in a dict attribute, updated in place."""

    def __init__(self, W, b, lr=0.5):
        self.params, self.lr = {"W": W, "b": b}, lr

    def train(self, X, y):
        W, b = self.params["W"], self.params["b"]
        d = (sig(X @ W + b) - y) / len(X)
        self.params["W"] = W - self.lr * X.T @ d
        self.params["b"] = b - self.lr * d.sum(0)


def test_the_adapter_leaves_a_readers_nested_weights_alone():
    W, b = np.array([[0.3], [-0.2]]), np.array([0.1])
    unit = Nested(W.copy(), b.copy())
    case = xl.adapt(unit, "params.W params.b", "train", X, Y, lr="lr")
    g = case["grad"](case["params"])
    case["step"]({"params.W": W + 1, "params.b": b + 1})
    np.testing.assert_array_equal(unit.params["W"], W)
    np.testing.assert_array_equal(unit.params["b"], b)
    want_W, want_b = true_gradient(W, b)
    np.testing.assert_allclose(g["params.W"], want_W, rtol=1e-6)
