"""What the field guide's argument table, its adapter section and the docstrings of `xl.adapt`
and `xl.doctor` promise about the reader's code, checked through the public API against plain
numpy: state carried, dtypes, layouts, what runs when, what the gradient read off an update is."""

import copy

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor.update import unit_axis

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
NAMES = ["W1", "b1", "W2", "b2"]


def start(seed=0, hidden=3, d_in=2, k=1):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (d_in, hidden)),
        "b1": np.zeros(hidden),
        "W2": rng.normal(0, 1, (hidden, k)),
        "b2": np.zeros(k),
    }


def outputs(p, X):
    """Tanh hidden layer, sigmoid outputs: (outputs (n, k), hidden (n, h))."""
    h = np.tanh(X @ p["W1"] + p["b1"])
    return 1 / (1 + np.exp(-(h @ p["W2"] + p["b2"]))), h


def mean_bce_grad(p, X, y):
    """The gradient of the mean BCE over the n samples, by hand: dict like p."""
    out, h = outputs(p, X)
    e = (out - y) / len(X)
    d1 = (e @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ e, "b2": e.sum(0)}


def momentum_train(p, X, y):
    """A dict learner: momentum kept in a nested dict p["m"], a counter p["t"], rate p["lr"]."""
    g = mean_bce_grad(p, X, y.astype(float))
    p["t"] += 1
    for k in NAMES:
        p["m"][k] = 0.9 * p["m"][k] + g[k]
        p[k] -= p["lr"] * p["m"][k]


def dict_learner():
    p = start()
    p.update(lr=0.5, t=0, m={k: np.zeros_like(v) for k, v in start().items()})
    return p


def test_nested_dict_state_is_copied_and_carried_between_epochs():
    p = dict_learner()
    before = copy.deepcopy(p)
    case = xl.adapt(p, NAMES, momentum_train, X, Y, predict=lambda q, Z: outputs(q, Z)[0], lr="lr")
    two = case["step"](case["step"](case["params"]))
    mine = copy.deepcopy(before)  # my own loop, two epochs
    momentum_train(mine, X, Y)
    momentum_train(mine, X, Y)
    restarted = copy.deepcopy(before)  # the second epoch from a fresh velocity instead
    restarted.update({k: mine[k] for k in NAMES})
    restarted.update({k: copy.deepcopy(before)[k] for k in ("m", "t")})
    one = copy.deepcopy(before)
    momentum_train(one, X, Y)
    restarted.update({k: one[k] for k in NAMES})
    momentum_train(restarted, X, Y)
    for k in NAMES:
        np.testing.assert_allclose(two[k], mine[k], rtol=1e-12, atol=1e-15)
    assert any(not np.allclose(two[k], restarted[k]) for k in NAMES)  # the velocity counts
    assert p["t"] == 0 and all(np.array_equal(p["m"][k], before["m"][k]) for k in NAMES)


def test_adapt_runs_the_training_twice_on_copies_at_call_time():
    calls = []

    def train(q, X, y):
        calls.append(q)
        momentum_train(q, X, y)

    p = dict_learner()
    before = copy.deepcopy(p)
    xl.adapt(p, NAMES, train, X, Y, lr="lr")
    assert len(calls) == 2
    assert all(q is not p for q in calls)
    assert p["t"] == 0 and all(np.array_equal(p[k], before[k]) for k in NAMES)


def test_uint8_targets_reach_the_readers_code_as_uint8_and_the_doctor_as_float():
    seen = []

    def train(q, X, y):
        seen.append(y.dtype)
        momentum_train(q, X, y)

    case = xl.adapt(dict_learner(), NAMES, train, X, Y.astype(np.uint8), lr="lr")
    assert set(seen) == {np.dtype(np.uint8)}
    assert case["y"].dtype == np.float64 and np.array_equal(case["y"], Y)


@pytest.mark.parametrize("dtype", [np.uint8, np.int64, bool])
def test_doctor_takes_targets_of_any_numeric_dtype_as_float(dtype):
    p = start()
    grad = lambda q: mean_bce_grad(q, X, Y)  # noqa: E731
    predict = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    as_float = xl.doctor(p, None, grad, X, Y, predict=predict, epochs=50)
    other = xl.doctor(p, None, grad, X, Y.astype(dtype), predict=predict, epochs=50)
    assert [f.code for f in other.findings] == [f.code for f in as_float.findings]
    np.testing.assert_array_equal(other.losses, as_float.losses)


def test_pm1_targets_without_loss_are_checked_against_the_squared_errors():
    y = 2 * Y - 1
    p = start(seed=2)

    def tanh_out(q, Z):
        return np.tanh(np.tanh(Z @ q["W1"] + q["b1"]) @ q["W2"] + q["b2"])

    def mse_grad(q):  # mean squared error of tanh outputs, by hand
        h = np.tanh(X @ q["W1"] + q["b1"])
        out = np.tanh(h @ q["W2"] + q["b2"])
        e = 2 * (out - y) / len(X) * (1 - out**2)
        d1 = (e @ q["W2"].T) * (1 - h**2)
        return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ e, "b2": e.sum(0)}

    d = xl.doctor(p, None, mse_grad, X, y, predict=tanh_out, lr=0.2, epochs=50)
    assert d.summary.startswith("the gradient agrees with finite differences"), d
    expected = np.mean((tanh_out(p, X) - y) ** 2)  # the run starts at the mean squared error
    assert abs(d.losses[0] - expected) < 1e-12


def test_pm1_targets_are_never_taken_for_a_bce_without_loss():
    y = 2 * Y - 1  # a sigmoid's outputs with the BCE delta p - y, against -1/+1 targets
    p = start(seed=2)
    grad = lambda q: mean_bce_grad(q, X, y)  # noqa: E731
    d = xl.doctor(p, None, grad, X, y, predict=lambda q, Z: outputs(q, Z)[0], epochs=50)
    assert d.findings[0].code in {"wrong_gradient", "data_factor", "constant_scale"}, d


def test_columns_true_hands_predict_and_loss_the_readers_layout():
    seen = {}

    class Columns:
        def __init__(self):
            p = start()
            self.W1, self.b1 = p["W1"].T, p["b1"][:, None]
            self.W2, self.b2 = p["W2"].T, p["b2"][:, None]
            self.lr = 0.5

        def forward(self, Xc):
            seen.setdefault("predict", Xc.shape)
            return 1 / (1 + np.exp(-(self.W2 @ np.tanh(self.W1 @ Xc + self.b1) + self.b2)))

        def loss(self, Xc, yc):
            seen["loss"] = (Xc.shape, yc.shape)
            out = self.forward(Xc)
            return float(-np.mean(yc * np.log(out) + (1 - yc) * np.log(1 - out)))

        def train(self, Xc, yc):
            h = np.tanh(self.W1 @ Xc + self.b1)
            e = (self.forward(Xc) - yc) / Xc.shape[1]
            d1 = (self.W2.T @ e) * (1 - h**2)
            self.W2 -= self.lr * e @ h.T
            self.b2 -= self.lr * e.sum(1, keepdims=True)
            self.W1 -= self.lr * d1 @ Xc.T
            self.b1 -= self.lr * d1.sum(1, keepdims=True)

    net = Columns()
    case = xl.adapt(
        net, NAMES, "train", X.T, Y.T, predict="forward", loss="loss", lr="lr", columns=True
    )
    Z = np.array([[0.5, -1.0], [2.0, 0.0], [1.0, 1.0]])
    seen.clear()
    out = case["predict"](case["params"], Z)
    assert seen["predict"] == (2, 3)
    np.testing.assert_allclose(out, outputs(start(), Z)[0], rtol=1e-12)  # (m, k), rows again
    case["loss"](case["params"])
    assert seen["loss"] == ((2, 4), (1, 4))


class NumberRateMomentum:
    """Mini-batches of 2, momentum 0.9, the rate 0.1 written in the code."""

    def __init__(self):
        self.__dict__.update(start(seed=3))
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}

    def forward(self, X):
        return outputs(self.__dict__, X)[0]

    def train(self, X, y):
        for i in range(0, len(X), 2):
            g = mean_bce_grad(self.__dict__, X[i : i + 2], y[i : i + 2])
            for k in NAMES:
                self.v[k] = 0.9 * self.v[k] - 0.1 * g[k]
                setattr(self, k, getattr(self, k) + self.v[k])


def test_a_number_rate_with_momentum_reads_the_loss_gradient_from_a_zero_velocity():
    net = NumberRateMomentum()
    case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr=0.1)
    case["step"](case["step"](case["params"]))  # the doctor's run builds up a velocity ...
    grad = case["grad"](case["params"])
    want = mean_bce_grad(start(seed=3), X, Y)  # ... the replay starts from the object's: 0
    for k in NAMES:
        np.testing.assert_allclose(grad[k], want[k], atol=1e-9)


class Bootstrap:
    """Per-sample updates on n draws with replacement from a generator kept in the object."""

    def __init__(self):
        self.__dict__.update(start(seed=4))
        self.rng, self.lr = np.random.default_rng(1), 0.5

    def forward(self, X):
        return outputs(self.__dict__, X)[0]

    def epoch(self, X, y):
        for i in self.rng.integers(0, len(X), size=len(X)):
            g = mean_bce_grad(self.__dict__, X[[i]], y[[i]])
            for k in NAMES:
                setattr(self, k, getattr(self, k) - self.lr * g[k])


def test_an_epoch_that_draws_its_samples_gives_the_loss_gradient_not_the_draws():
    net = Bootstrap()
    drawn = copy.deepcopy(net.rng).integers(0, len(X), size=len(X))
    assert len(set(drawn.tolist())) < len(X)  # some sample is never drawn: the draws differ
    case = xl.adapt(net, NAMES, "epoch", X, Y, predict="forward", lr="lr")
    grad = case["grad"](case["params"])
    want = mean_bce_grad(start(seed=4), X, Y)  # the mean over every sample, each once
    for k in NAMES:
        np.testing.assert_allclose(grad[k], want[k], atol=1e-6)
    np.testing.assert_array_equal(net.rng.integers(0, len(X), size=len(X)), drawn)  # untouched


class RowsUnitsFirst:
    """Rows of data, weights stored (units, inputs); every hidden unit a copy of the first."""

    def __init__(self):
        p = start(seed=1)
        self.W1 = np.tile(p["W1"].T[:1], (3, 1))
        self.b1, self.W2, self.b2 = np.zeros(3), np.full((1, 3), p["W2"][0, 0]), np.zeros(1)
        self.lr = 0.5

    def forward(self, X):
        self.h = np.tanh(X @ self.W1.T + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2.T + self.b2)))

    def train(self, X, y):
        e = (self.forward(X) - y) / len(X)
        d1 = (e @ self.W2) * (1 - self.h**2)
        self.W2 -= self.lr * e.T @ self.h
        self.b2 -= self.lr * e.sum(0)
        self.W1 -= self.lr * d1.T @ X
        self.b1 -= self.lr * d1.sum(0)


def test_rows_of_data_with_weights_units_first_are_read_from_their_shapes():
    case = xl.adapt(RowsUnitsFirst(), NAMES, "train", X, Y, predict="forward", lr="lr")
    assert case["columns"] is False  # the data's layout: rows
    codes = [f.code for f in xl.doctor(**case).findings]
    assert "symmetric" in codes


class SquareUnitsFirst(RowsUnitsFirst):
    """Rows of data, two hidden units stored (units, inputs): W1 is square (2, 2), so only
    the output layer's (1, 2) tells the layout; the two hidden units are copies."""

    def __init__(self):
        p = start(seed=1)
        self.W1 = np.tile(p["W1"].T[:1], (2, 1))
        self.b1, self.W2, self.b2 = np.zeros(2), np.full((1, 2), p["W2"][0, 0]), np.zeros(1)
        self.lr = 0.5


def test_square_first_layer_units_first_read_from_the_output_layer():
    net = SquareUnitsFirst()
    assert np.array_equal(net.W1[0], net.W1[1]) and not np.array_equal(net.W1[:, 0], net.W1[:, 1])
    case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr="lr")
    found = xl.doctor(**case)
    assert found.findings[0].code == "symmetric", str(found)
    assert "rows 0 and 1 of W1" in str(found)


def test_findings_name_a_flat_parameter_vector():
    p = start()
    shapes = {k: v.shape for k, v in p.items()}

    def unpack(theta):
        out, at = {}, 0
        for k, s in shapes.items():
            out[k] = theta[at : at + int(np.prod(s))].reshape(s)
            at += int(np.prod(s))
        return out

    theta = np.concatenate([v.ravel() for v in p.values()])

    def grad(q):  # twice the gradient: a constant factor in the one array
        g = mean_bce_grad(unpack(q["theta"]), X, Y)
        return {"theta": 2 * np.concatenate([v.ravel() for v in g.values()])}

    predict = lambda q, Z: outputs(unpack(q["theta"]), Z)[0]  # noqa: E731
    d = xl.doctor({"theta": theta}, None, grad, X, Y, predict=predict, epochs=50)
    first = d.findings[0]
    assert "theta" in first.title + first.evidence, first


def test_a_predict_that_differs_from_the_trained_forward_pass_shows_as_a_wrong_gradient():
    p = start(seed=5)

    def no_hidden_activation(q, Z):  # the training's forward pass has tanh; this one forgets it
        return 1 / (1 + np.exp(-((Z @ q["W1"] + q["b1"]) @ q["W2"] + q["b2"])))

    grad = lambda q: mean_bce_grad(q, X, Y)  # noqa: E731  right for the trained network
    d = xl.doctor(p, None, grad, X, Y, predict=no_hidden_activation, epochs=50)
    assert d.findings and d.findings[0].code in {"wrong_gradient", "data_factor"}


def test_a_given_loss_judges_every_check_whatever_its_scale():
    Yk = np.array([[0, 1], [1, 0], [1, 0], [0, 1]], dtype=float)
    p = start(seed=6, k=2)

    def loss(q):  # BCE averaged over all n k entries: half the mean BCE of two outputs
        out = outputs(q, X)[0]
        return float(-np.mean(Yk * np.log(out) + (1 - Yk) * np.log(1 - out)))

    def grad(q):
        g = mean_bce_grad(q, X, Yk)
        return {k: v / 2 for k, v in g.items()}

    d = xl.doctor(p, loss, grad, X, Yk, predict=lambda q, Z: outputs(q, Z)[0], lr=4.0, epochs=3000)
    assert d.healthy, d
    assert abs(d.losses[0] - loss(p)) < 1e-12


class MomentumStep:
    """A callable step object with state: a velocity per array, and a count of calls by all
    its copies (kept on the class, which copies share)."""

    calls = 0

    def __init__(self, lr=0.5, mu=0.9):
        self.lr, self.mu, self.v = lr, mu, {}

    def __call__(self, params, grads):
        MomentumStep.calls += 1
        for k, g in grads.items():
            self.v[k] = self.mu * self.v.get(k, 0) - self.lr * g
        return {k: params[k] + self.v[k] for k in params}


def test_a_step_object_is_never_called_itself_its_copies_make_the_run():
    step, p = MomentumStep(), start(seed=7)
    MomentumStep.calls = 0
    d = xl.doctor(
        p,
        None,
        lambda q: mean_bce_grad(q, X, Y),
        X,
        Y,
        predict=lambda q, Z: outputs(q, Z)[0],
        step=step,
        lr=0.5,
        epochs=200,
    )
    assert step.v == {}  # the object as given: copies took every step
    assert MomentumStep.calls >= 200
    mine = start(seed=7)  # the run is the step's own: 200 momentum steps continued
    for _ in range(200):
        mine = step(mine, mean_bce_grad(mine, X, Y))
    bce = lambda q: float(  # noqa: E731
        -np.mean(Y * np.log(outputs(q, X)[0]) + (1 - Y) * np.log(1 - outputs(q, X)[0]))
    )
    assert abs(d.losses[-1] - bce(mine)) < 1e-9, (d.losses[-1], bce(mine))


# -- the fifth blind zoo's questions (tests/doctor_blind5/DOC_QUESTIONS.md) ---------------


def plain_train(p, X, y):
    """A dict learner: one full-batch step of the mean BCE at p["lr"]; y (n,) or (n, 1)."""
    g = mean_bce_grad(p, X, np.reshape(y, (len(X), -1)))
    for k in NAMES:
        p[k] -= p["lr"] * g[k]


def bce_of(p, X, y):
    out = outputs(p, X)[0]
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def test_q1_flat_outputs_and_targets_are_reshaped_by_adapt():
    p = start()
    p["lr"] = 2.0
    flat = lambda q, Z: outputs(q, Z)[0].ravel()  # noqa: E731  (a 1-D forward)
    case = xl.adapt(p, NAMES, plain_train, X, Y.ravel(), predict=flat, lr="lr", epochs=1500)
    assert case["y"].shape == (4, 1)
    got = case["predict"](case["params"], X)
    assert got.shape == (4, 1) and np.allclose(got, outputs(start(), X)[0])
    assert xl.doctor(**case).healthy
    with pytest.raises(Exception, match=r"\(n,\)|shape"):  # xl.doctor itself refuses it
        xl.doctor(start(), None, lambda q: mean_bce_grad(q, X, Y), X, Y, predict=flat)


def linear(p, Z):
    """Tanh hidden layer, identity output: (m, 1)."""
    return np.tanh(Z @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]


def huber(p):
    """The mean Huber loss (delta 0.5) of the linear outputs against Y."""
    a = np.abs(linear(p, X) - Y)
    return float(np.mean(np.where(a < 0.5, 0.5 * a**2, 0.5 * (a - 0.25))))


def huber_grad(p, factor=1.0):
    h = np.tanh(X @ p["W1"] + p["b1"])
    e = factor * np.clip(linear(p, X) - Y, -0.5, 0.5) / len(X)
    d1 = (e @ p["W2"].T) * (1 - h**2)
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ e, "b2": e.sum(0)}


def test_q2_a_loss_it_does_not_know_is_checked_and_fitted_is_read_from_predict():
    def run(factor=1.0, epochs=2000):
        g = lambda q: huber_grad(q, factor)  # noqa: E731
        return xl.doctor(start(), huber, g, X, Y, predict=linear, lr=0.5, epochs=epochs)

    right = run()
    assert right.healthy and "every output on the right side" in right.summary
    assert [f.code for f in run(factor=3.0).findings] == ["constant_scale"]
    # fitted: every output past 0.55 (targets 1) or below 0.45 (targets 0), linear outputs too
    end = start()
    for _ in range(2000):
        end = {k: end[k] - 0.5 * huber_grad(end)[k] for k in end}
    out = linear(end, X)
    assert np.all(np.where(Y == 1, out > 0.55, out < 0.45))


def sign_train(p, X, y):
    g = mean_bce_grad(p, X, y)
    for k in NAMES:
        p[k] -= p["lr"] * np.sign(g[k])


def test_q3_a_sign_update_that_fits_is_healthy_and_said_to_be_no_gradient_step():
    def case(epochs):
        p = start()
        p["lr"] = 0.05
        pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
        return xl.adapt(p, NAMES, sign_train, X, Y, predict=pred, lr="lr", epochs=epochs)

    fits = xl.doctor(**case(400))
    assert fits.healthy and "does not step along the slope" in fits.summary
    short = xl.doctor(**case(3))
    assert [f.code for f in short.findings] == ["cannot_tell"]


def test_q5_epochs_is_the_number_of_calls_of_the_training_method():
    p = start(seed=3)
    p["lr"] = 1.0
    case = xl.adapt(
        p, NAMES, plain_train, X, Y, predict=lambda q, Z: outputs(q, Z)[0], lr="lr", epochs=7
    )
    case["loss"] = lambda q: bce_of(q, X, Y)
    d = xl.doctor(**case)
    mine = start(seed=3)
    mine["lr"] = 1.0
    for _ in range(7):  # plain numpy: seven calls of the training method
        plain_train(mine, X, Y)
    assert len(d.losses) == 7 + 1
    assert abs(d.losses[-1] - bce_of(mine, X, Y)) < 1e-9, (d.losses[-1], bce_of(mine, X, Y))


def test_q8_a_gradient_for_an_unused_parameter_is_named_wrong_and_zeros_pass():
    p = start()
    p["W3"] = np.ones((3, 1))  # the forward pass never reads it

    def grad(q, w3):
        return {**huber_grad(q), "W3": np.full((3, 1), w3)}

    d = xl.doctor(p, huber, lambda q: grad(q, 0.1), X, Y, predict=linear, lr=0.5, epochs=2000)
    assert [f.code for f in d.findings] == ["wrong_gradient"]
    assert "W3" in d.findings[0].title
    assert (
        "the loss does not depend on this array), yours reaches 1.0e-01" in d.findings[0].evidence
    )
    assert "nan" not in d.findings[0].evidence
    assert d.summary.startswith("the gradient disagrees with finite differences"), d.summary
    assert xl.doctor(p, huber, lambda q: grad(q, 0.0), X, Y, predict=linear, lr=0.5).healthy


def adamax(rate):
    """A step closure with Adamax's moments (m, u) and counter, at its own `rate`."""
    m, u, t = {}, {}, [0]

    def step(p, g):
        t[0] += 1
        for k in p:
            m[k] = 0.9 * m.get(k, 0) + 0.1 * g[k]
            u[k] = np.maximum(0.999 * u.get(k, 0), np.abs(g[k]))
        return {k: p[k] - rate / (1 - 0.9 ** t[0]) * m[k] / (u[k] + 1e-8) for k in p}

    return step


def test_q9_lr_never_reaches_a_step_closure_its_own_rate_makes_the_run():
    def run(lr, rate=0.05):
        grad = lambda q: mean_bce_grad(q, X, Y)  # noqa: E731
        bce = lambda q: bce_of(q, X, Y)  # noqa: E731
        pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
        return xl.doctor(
            start(), bce, grad, X, Y, predict=pred, step=adamax(rate), lr=lr, epochs=60
        )

    mine = start()
    step = adamax(0.05)
    for _ in range(60):
        mine = step(mine, mean_bce_grad(mine, X, Y))
    for lr in (0.05, 7.0):
        assert abs(run(lr).losses[-1] - bce_of(mine, X, Y)) < 1e-9
    assert abs(run(0.05, rate=0.01).losses[-1] - bce_of(mine, X, Y)) > 1e-3


# -- the sixth blind zoo's questions (tests/doctor_blind6/DOC_QUESTIONS.md) -------------------


class VectorNet:
    """Per-sample 1-D code: W1 (h, 2) stored (units, inputs), W2 (h,), b2 a Python float
    rebound at every step; tanh hidden units, a sigmoid output, BCE. `same`: every hidden unit
    a copy of the first; `wrong_slope`: tanh's slope written h (1 - h) (a wrong gradient).
    `b2_types`: the types of b2 that every copy's `train` met (a class attribute: shared)."""

    b2_types = set()

    def __init__(self, hidden=3, same=False, wrong_slope=False, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (1 if same else hidden, 2)) * np.ones((hidden, 1))
        self.W2 = np.full(hidden, 0.7) if same else rng.normal(0, 1, hidden)
        self.b1, self.b2, self.lr = np.zeros(hidden), 0.0, 0.5
        self.wrong_slope = wrong_slope

    def forward(self, X):
        return np.array([sig(self.W2 @ np.tanh(self.W1 @ x + self.b1) + self.b2) for x in X])

    def train(self, X, y):
        VectorNet.b2_types.add(type(self.b2))
        for x, t in zip(X, y):
            h = np.tanh(self.W1 @ x + self.b1)
            d = sig(self.W2 @ h + self.b2) - t
            dh = d * self.W2 * (h * (1 - h) if self.wrong_slope else 1 - h**2)
            self.W2 = self.W2 - self.lr * d * h
            self.b2 = self.b2 - self.lr * d
            self.W1 -= self.lr * np.outer(dh, x)
            self.b1 -= self.lr * dh


def sig(z):
    return 1 / (1 + np.exp(-z))


def vector_case(net, epochs=1500):
    return xl.adapt(net, NAMES, "train", X, Y.ravel(), predict="forward", lr="lr", epochs=epochs)


def test_blind6_q1_a_float_parameter_is_one_entry_and_reaches_the_code_as_a_float():
    net = VectorNet()
    VectorNet.b2_types.clear()
    case = vector_case(net)
    assert case["params"]["b2"].shape == () and case["params"]["b2"].dtype == np.float64
    p = {"W1": net.W1.T, "b1": net.b1, "W2": net.W2.reshape(-1, 1), "b2": np.zeros(1)}
    mine = mean_bce_grad(p, X, Y)  # the mean over samples; one update per sample
    got = case["grad"](case["params"])
    np.testing.assert_allclose(got["b2"], mine["b2"][0], rtol=1e-4)
    np.testing.assert_allclose(got["W1"], mine["W1"].T, rtol=1e-4)
    assert xl.doctor(**case).healthy
    assert net.b2 == 0.0  # never touched
    VectorNet.b2_types.clear()
    case["step"](case["params"])  # one epoch of your code, on a fresh copy
    assert VectorNet.b2_types == {float}  # it meets a float, as stored


def test_blind6_q1_a_float_parameter_next_to_a_wrong_gradient_is_examined():
    found = xl.doctor(**vector_case(VectorNet(wrong_slope=True)))
    assert found.codes[:1] in (["wrong_gradient"], ["data_factor"]), found
    assert "W1, b1" in found.findings[0].title


def test_blind6_q2_units_of_a_1d_output_vector_are_read_from_w1_alone():
    four = xl.doctor(**vector_case(VectorNet(hidden=4, same=True), epochs=300))
    assert four.findings[0].code == "symmetric" and "rows 0 and 1 of W1" in str(four)
    square = vector_case(VectorNet(hidden=2, same=True), epochs=300)  # W1 (2, 2), W2 (2,)
    assert square["columns"] is False  # no matrix tells: the data's layout, rows
    assert unit_axis(square["params"], 2, 1, columns=False) == "columns"  # W1's columns: differ
    square["columns"] = True  # weights stored (units, inputs)
    found = xl.doctor(**square)
    assert found.findings[0].code == "symmetric" and "rows 0 and 1 of W1" in str(found)


def test_blind6_q7_columns_changes_nothing_when_a_matrix_tells_the_layout():
    said = []
    for columns in (False, True):
        case = xl.adapt(SquareUnitsFirst(), NAMES, "train", X, Y, predict="forward", lr="lr")
        case["columns"] = columns  # W2 (1, 2) tells "units first" for W1 (2, 2) too
        said.append(str(xl.doctor(**case)))
    assert said[0] == said[1] and "rows 0 and 1 of W1" in said[0]


def two_rates_train(p, X, y):
    """A dict learner whose hidden layer has a rate of its own, p["lr_hidden"]."""
    g = mean_bce_grad(p, X, y)
    for k in NAMES:
        p[k] -= (p["lr_hidden"] if k in ("W1", "b1") else p["lr"]) * g[k]


def test_blind6_q3_a_second_rate_the_adapter_cannot_set_moves_at_rate_0():
    p = start(seed=3)
    p.update(lr=2.0, lr_hidden=0.5)
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    case = xl.adapt(p, NAMES, two_rates_train, X, Y, predict=pred, lr="lr", epochs=1500)
    mine = copy.deepcopy(p)
    for _ in range(1500):
        two_rates_train(mine, X, Y)
    out = outputs(mine, X)[0]
    assert np.all(np.where(Y == 1, out > 0.55, out < 0.45))  # my own run fits
    found = xl.doctor(**case)
    assert found.healthy and "moves the weights even at rate 0" in found.summary, found


class AdamNet:
    """2-3-1 tanh/sigmoid net, mean BCE, full-batch Adam inside `train` at self.lr; `returns`:
    what train returns (None, the epoch's loss, or a number that is no loss at all)."""

    def __init__(self, returns=None):
        p = start(seed=2)
        self.W1, self.b1, self.W2, self.b2 = (p[k] for k in NAMES)
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.lr, self.t, self.returns = 0.05, 0, returns

    def forward(self, Z):
        return outputs(vars(self), Z)[0]

    def train(self, X, y):
        g, self.t = mean_bce_grad(vars(self), X, y), self.t + 1
        for k in NAMES:
            self.m[k] = 0.9 * self.m[k] + 0.1 * g[k]
            self.v[k] = 0.999 * self.v[k] + 0.001 * g[k] ** 2
            m, v = self.m[k] / (1 - 0.9**self.t), self.v[k] / (1 - 0.999**self.t)
            setattr(self, k, getattr(self, k) - self.lr * m / (np.sqrt(v) + 1e-8))
        if self.returns == "loss":
            return bce_of(vars(self), X, y)
        return self.returns


def test_blind6_q4_adam_in_a_class_needs_no_flag_lr_names_its_rate():
    case = xl.adapt(AdamNet(), NAMES, "train", X, Y, predict="forward", lr="lr", epochs=400)
    found = xl.doctor(**case)
    assert found.healthy and "does not step along the slope" in found.summary, found


def test_blind6_q5_what_train_returns_is_ignored():
    said = []
    for returns in (None, "loss", 123.0):
        net = AdamNet(returns)
        case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr="lr", epochs=400)
        found = xl.doctor(**case)
        said.append((str(found), found.losses.tolist()))
    assert said[0] == said[1] == said[2]

    def returns_new(q, X, y):  # new arrays returned, the dict's left as they were
        g = mean_bce_grad(q, X, y)
        return {**q, **{k: q[k] - q["lr"] * g[k] for k in NAMES}}

    p = start()
    p["lr"] = 0.5
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    case = xl.adapt(p, NAMES, returns_new, X, Y, predict=pred, lr="lr", epochs=300)
    found = xl.doctor(**case)
    assert found.codes == ["zero_gradient"] and "W1, b1, W2" in found.findings[0].title


def softmax_forward(p, Z):
    """A softmax over the outputs of `outputs`' logits: (m, k)."""
    z = np.tanh(Z @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_train(p, X, y):
    """One full-batch step of softmax cross-entropy's delta (out - y) / n, at p["lr"]."""
    h = np.tanh(X @ p["W1"] + p["b1"])
    e = (softmax_forward(p, X) - y) / len(X)
    d1 = (e @ p["W2"].T) * (1 - h**2)
    g = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ e, "b2": e.sum(0)}
    for k in NAMES:
        p[k] -= p["lr"] * g[k]


def test_blind6_q6_a_one_output_softmax_is_one_finding_whatever_the_loss():
    def cross_entropy(q, X, y):  # 0 for every weight: log 1
        return float(-np.mean(np.sum(y * np.log(softmax_forward(q, X)), axis=1)))

    def bce(q, X, y):
        out = np.clip(softmax_forward(q, X), 1e-12, 1 - 1e-12)
        return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))

    p = start()
    p["lr"] = 0.5
    assert np.all(softmax_forward(p, X) == 1.0)
    for loss in (None, cross_entropy, bce):
        case = xl.adapt(p, NAMES, softmax_train, X, Y, predict=softmax_forward, loss=loss, lr="lr")
        assert xl.doctor(**case).codes == ["constant_output"]
    blind = xl.adapt(p, NAMES, softmax_train, X, Y, loss=cross_entropy, lr="lr")
    assert "constant_output" not in xl.doctor(**blind).codes  # without predict: not seen


class ListNet:
    """Tanh-sigmoid XOR net whose `train` steps `self.params`, a list aliasing W1 b1 W2 b2."""

    def __init__(self, p, lr=1.0):
        self.W1, self.b1, self.W2, self.b2 = (p[k].copy() for k in NAMES)
        self.params, self.lr, self.rates = [self.W1, self.b1, self.W2, self.b2], lr, set()

    def forward(self, X):
        return outputs({"W1": self.W1, "b1": self.b1, "W2": self.W2, "b2": self.b2}, X)[0]

    def train(self, X, y):
        self.rates.add(type(self.lr))
        g = mean_bce_grad({"W1": self.W1, "b1": self.b1, "W2": self.W2, "b2": self.b2}, X, y)
        for P, k in zip(self.params, NAMES):
            P -= self.lr * g[k]


def test_blind7_q1_a_list_of_params_aliasing_the_attributes_sees_the_probe_values():
    p = start()
    case = xl.adapt(ListNet(p), NAMES, "train", X, Y, predict="forward", lr="lr")
    q = {k: v + 0.1 for k, v in p.items()}  # values the probes write into the arrays
    expected = mean_bce_grad(q, X, Y)
    got = case["grad"](q)
    for k in NAMES:
        np.testing.assert_allclose(got[k], expected[k], rtol=1e-5, atol=1e-9)


def test_blind7_q1_a_list_of_float32_params_aliasing_the_attributes_sees_the_probe_values():
    p = {k: v.astype(np.float32) for k, v in start().items()}
    case = xl.adapt(ListNet(p), NAMES, "train", X, Y, predict="forward", lr="lr")
    got = case["grad"](case["params"])
    assert all(np.abs(got[k]).max() > 0 for k in NAMES)  # today: exactly 0 in every array


class AttributeNet(ListNet):
    """ListNet stepping its attributes (rebound); every copy's rate type lands in `seen`."""

    seen = set()  # a class attribute: shared by the adapter's deep copies

    def train(self, X, y):
        AttributeNet.seen.add((type(self.lr), self.W1.dtype))
        p = {k: getattr(self, k) for k in NAMES}
        g = mean_bce_grad(p, X, y)
        for k in NAMES:
            setattr(self, k, p[k] - self.lr * g[k])


def test_blind7_q10_a_float32_rate_reaches_probe_copies_as_a_python_float():
    net = AttributeNet({k: v.astype(np.float32) for k, v in start().items()}, np.float32(0.5))
    AttributeNet.seen.clear()
    case = xl.adapt(net, NAMES, "train", X.astype(np.float32), Y, predict="forward", lr="lr")
    case["grad"](case["params"])
    case["step"](case["params"])  # the reader's run: its own rate, its own dtype
    seen = AttributeNet.seen
    assert (np.float32, np.dtype(np.float32)) in seen  # the reader's run, as stored
    assert float in {rate for rate, _ in seen}  # probe copies: a Python float
    twin = copy.deepcopy(net)
    twin.lr = 0.5
    twin.train(X.astype(np.float32), Y.astype(np.float32))
    assert twin.W1.dtype == np.float32  # numpy 2: a Python float keeps float32 arithmetic


def test_blind7_q9_a_predict_pinned_near_the_middle_is_taken_and_its_clip_is_a_wrong_gradient():
    def pinned(p, Z):  # logits clipped to +-0.01: outputs within 0.0025 of 0.5
        h = np.tanh(Z @ p["W1"] + p["b1"])
        return 1 / (1 + np.exp(-np.clip(h @ p["W2"] + p["b2"], -1e-2, 1e-2)))

    p = start()
    out = pinned(p, X)
    assert np.abs(out - 0.5).max() <= 0.0025 and np.ptp(out) > 0  # barely moves, but moves
    d = xl.doctor(p, None, lambda q: mean_bce_grad(q, X, Y), X, Y, predict=pinned, epochs=50)
    assert d.codes[0] == "wrong_gradient"


def tied_reconstruct(m, Z):
    """A 4-3-4 encoder whose decoder is W.T: outputs (m, 4)."""
    h = 1 / (1 + np.exp(-(Z @ m["W"] + m["b_enc"])))
    return 1 / (1 + np.exp(-(h @ m["W"].T + m["b_dec"])))


def tied_train(m, Z, T):
    """One full-batch step of the mean (over samples) summed BCE; W gets both uses' gradients."""
    h = 1 / (1 + np.exp(-(Z @ m["W"] + m["b_enc"])))
    d_out = (tied_reconstruct(m, Z) - T) / len(Z)
    d_h = d_out @ m["W"] * h * (1 - h)
    m["W"] -= m["lr"] * (Z.T @ d_h + d_out.T @ h)
    m["b_enc"] -= m["lr"] * d_h.sum(axis=0)
    m["b_dec"] -= m["lr"] * d_out.sum(axis=0)


def test_blind7_q8_a_tied_weight_keeps_its_units_in_the_columns_its_shape_tells():
    m = {"W": np.random.default_rng(0).normal(0, 1, (4, 3)), "b_enc": np.zeros(3)}
    m.update(b_dec=np.zeros(4), lr=2.0)
    m["W"][:, 1] = m["W"][:, 0]  # hidden units 0 and 1: the same encoder and decoder weights
    case = xl.adapt(
        m,
        "W b_enc b_dec",
        tied_train,
        np.eye(4),
        np.eye(4),
        lr="lr",
        epochs=50,
        predict=tied_reconstruct,
    )
    found = xl.doctor(**case)
    assert found.codes == ["symmetric"] and "columns 0 and 1 of W" in found.findings[0].evidence


def step_on(p, X, y):
    """One plain gradient step of the mean BCE on (X, y), at p["lr"], in place."""
    g = mean_bce_grad(p, X, y)
    for k in NAMES:
        p[k] -= p["lr"] * g[k]


def test_blind7_q3_a_random_order_that_pairs_inputs_with_other_labels_is_named():
    def mixup(p, X, y):  # input X[idx] trained against target y[i]
        for i, idx in enumerate(np.random.permutation(len(X))):
            step_on(p, X[idx : idx + 1], y[i : i + 1])

    p = {**start(hidden=4), "lr": 0.5}
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    case = xl.adapt(p, NAMES, mixup, X, Y, predict=pred, lr="lr", epochs=300)
    assert xl.doctor(**case).codes[0] == "paired_apart"


def test_blind7_q4_a_train_that_standardises_what_predict_does_not_is_named_in_the_gradient():
    def standardising(p, X, y):  # predict gets the raw X
        with np.errstate(invalid="ignore"):  # one sample's std is 0 (the adapter's probes)
            step_on(p, (X - X.mean(0)) / X.std(0), y)

    p = {**start(hidden=3), "lr": 0.5}
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    case = xl.adapt(p, NAMES, standardising, X, Y, predict=pred, lr="lr", epochs=2000)
    assert xl.doctor(**case).codes[0] in ("wrong_gradient", "data_factor")


def test_blind7_q12_a_direct_run_makes_epochs_calls_of_step():
    p = start()
    d = xl.doctor(
        p,
        None,
        lambda q: mean_bce_grad(q, X, Y),
        X,
        Y,
        epochs=37,
        predict=lambda q, Z: outputs(q, Z)[0],
    )
    assert len(d.losses) == 37 + 1  # the start, then one loss after each step


def shuffling_train(p, X, y):
    """A dict learner that shuffles X in place (and not y) before its step."""
    p["rng"].shuffle(X)
    step_on(p, X, y)


def test_blind8_q2_a_train_that_changes_x_in_place_never_changes_the_callers_arrays():
    X_mine, Y_mine = X.copy(), Y.copy()
    p = {**start(hidden=4), "lr": 0.5, "rng": np.random.default_rng(3)}
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    case = xl.adapt(p, NAMES, shuffling_train, X_mine, Y_mine, predict=pred, lr="lr")
    xl.doctor(**case)
    np.testing.assert_array_equal(X_mine, X)
    np.testing.assert_array_equal(Y_mine, Y)
    np.testing.assert_array_equal(case["X"], X)  # the doctor's own copy, as given


# -- the tenth blind zoo's questions (tests/doctor_blind10/DOC_QUESTIONS.md) ------------------


def test_blind10_q7_gradients_never_stored_are_a_zero_gradient_not_an_update_rule():
    def computes_only(p, X, y):  # the gradient is computed, and the step reads other arrays
        mean_bce_grad(p, X, y)
        for k in NAMES:
            p[k] -= p["lr"] * np.zeros_like(p[k])

    p = {**start(hidden=4), "lr": 0.5}
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    found = xl.doctor(**xl.adapt(p, NAMES, computes_only, X, Y, predict=pred, lr="lr"))
    assert found.codes[0] == "zero_gradient", found


def test_blind10_q1_three_full_batch_steps_per_call_that_fit_are_healthy():
    # three steps in one call are no single update at any rate: the run decides (seed 0's
    # run stalls at 0.5 on two samples, and is then misread: see the field guide's limits)
    def three_steps(p, X, y):
        for _ in range(3):
            step_on(p, X, y)

    p = {**start(seed=1, hidden=4), "lr": 0.5}
    pred = lambda q, Z: outputs(q, Z)[0]  # noqa: E731
    case = xl.adapt(p, NAMES, three_steps, X, Y, predict=pred, lr="lr", epochs=700)
    assert xl.doctor(**case).healthy
