"""The doctor judges the reader's own run (issue 26): xorlab.adapt continues one copy of the
reader's object from epoch to epoch (momentum, accumulators), reads the gradient of one real
update (a sum where a mean belongs is reported, not divided away), and reads a learning rate
given as a keyword of a dict-plus-function `train`. Every expected value is computed here in
plain numpy, from the reader's own code run the reader's way."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [1.0]])  # OR: one layer is enough


def sig(z):
    return 1 / (1 + np.exp(-z))


def mean_bce(out, y=Y):
    return float(-np.mean(y * np.log(out) + (1 - y) * np.log(1 - out)))


def mean_gradient(W, b):
    """Mean-BCE gradient of a sigmoid unit: W (2, 1), b (1,)."""
    d = (sig(X @ W + b) - Y) / len(X)
    return X.T @ d, d.sum(0)


class Unit:
    """A reader's logistic unit trained on the whole batch; `scale` is what the output error
    is divided by (len(X) for the mean BCE, 1 for the summed)."""

    def __init__(self, lr=0.5, summed=False):
        self.W, self.b = np.array([[0.3], [-0.2]]), np.array([0.1])
        self.lr, self.summed = lr, summed

    def forward(self, X):
        return sig(X @ self.W + self.b)

    def gradient(self, X, y):
        d = self.forward(X) - y
        d = d if self.summed else d / len(X)
        return X.T @ d, d.sum(0)

    def train(self, X, y):
        gW, gb = self.gradient(X, y)
        self.W = self.W - self.lr * gW
        self.b = self.b - self.lr * gb

    def cost(self, X, y):
        return mean_bce(self.forward(X), y)

    def total(self, X, y):
        return len(X) * self.cost(X, y)


class Momentum(Unit):
    """Heavy-ball momentum: the velocities live on the object across epochs."""

    def __init__(self, lr=0.5, mu=0.9):
        super().__init__(lr)
        self.mu, self.vW, self.vb = mu, np.zeros((2, 1)), np.zeros(1)

    def train(self, X, y):
        gW, gb = self.gradient(X, y)
        self.vW = self.mu * self.vW - self.lr * gW
        self.vb = self.mu * self.vb - self.lr * gb
        self.W, self.b = self.W + self.vW, self.b + self.vb


class Accumulator(Unit):
    """A bug: the gradient accumulators are never reset, so epoch t applies the sum of the
    gradients of epochs 1..t."""

    def __init__(self, lr=0.5):
        super().__init__(lr)
        self.gW, self.gb = np.zeros((2, 1)), np.zeros(1)

    def train(self, X, y):
        gW, gb = self.gradient(X, y)
        self.gW += gW
        self.gb += gb
        self.W, self.b = self.W - self.lr * self.gW, self.b - self.lr * self.gb


def own_run(net, epochs):
    """The reader's run on their own object: the mean BCE before and after every epoch."""
    losses = [net.cost(X, Y)]
    with np.errstate(all="ignore"):  # a run that blows up is a run too
        for _ in range(epochs):
            net.train(X, Y)
            losses.append(net.cost(X, Y))
    return np.array(losses)


@pytest.mark.parametrize("cls", [Momentum, Accumulator])
def test_the_doctors_run_is_the_readers_run(cls):
    case = xl.adapt(cls(), "W b", "train", X, Y, predict="forward", lr="lr", epochs=40)
    diagnosis = xl.doctor(**case)
    want = own_run(cls(), 40)
    np.testing.assert_allclose(diagnosis.losses[: len(want)], want[: len(diagnosis.losses)])
    assert len(diagnosis.losses) == len(want)


def test_momentum_steps_continue_one_copy_and_leave_the_object_alone():
    net = Momentum()
    case = xl.adapt(net, "W b", "train", X, Y, lr="lr")
    p = case["params"]
    for _ in range(5):
        p = case["step"](p)
    twin = Momentum()
    for _ in range(5):
        twin.train(X, Y)
    np.testing.assert_allclose(p["W"], twin.W, rtol=1e-12)
    assert not net.vW.any() and np.array_equal(net.W, Momentum().W)
    again = case["step"](case["params"])  # a new run starts from a fresh copy
    first = Momentum()
    first.train(X, Y)
    np.testing.assert_allclose(again["W"], first.W, rtol=1e-12)


def test_a_never_reset_accumulator_is_not_healthy():
    """Its run blows up within 300 epochs; plain steps (one fresh copy per epoch) train."""
    case = xl.adapt(Accumulator(), "W b", "train", X, Y, predict="forward", lr="lr", epochs=300)
    assert not np.isfinite(own_run(Accumulator(), 300)[-1])
    assert not xl.doctor(**case).healthy


def test_a_class_that_forgets_its_one_over_n_is_told_the_factor():
    net = Unit(summed=True)
    case = xl.adapt(net, "W b", "train", X, Y, predict="forward", loss="cost", lr="lr")
    gW, gb = mean_gradient(net.W, net.b)
    got = case["grad"](case["params"])
    np.testing.assert_allclose(got["W"], 4 * gW, rtol=1e-5)
    np.testing.assert_allclose(got["b"], 4 * gb, rtol=1e-5)
    diagnosis = xl.doctor(**case)
    assert not diagnosis.healthy
    first = diagnosis.findings[0]
    assert first.code in {"constant_scale", "loss_mismatch"}
    assert "4" in first.evidence or "summed" in first.title


def test_a_consistent_summed_loss_with_a_small_rate_is_healthy():
    net = Unit(lr=0.125, summed=True)
    case = xl.adapt(net, "W b", "train", X, Y, predict="forward", loss="total", lr="lr")
    diagnosis = xl.doctor(**case)
    assert diagnosis.healthy, diagnosis


class Batches(Unit):
    """Mini-batches of 2 whose mean divides by the data set's size: steps 2 times too small."""

    def train(self, X, y):
        for i in range(0, len(X), 2):
            d = (self.forward(X[i : i + 2]) - y[i : i + 2]) / len(X)
            self.W = self.W - self.lr * X[i : i + 2].T @ d
            self.b = self.b - self.lr * d.sum(0)


def test_a_minibatch_mean_over_the_whole_data_is_read_as_it_is():
    net = Batches()
    case = xl.adapt(net, "W b", "train", X, Y, predict="forward", lr="lr")
    gW, gb = mean_gradient(net.W, net.b)
    got = case["grad"](case["params"])
    np.testing.assert_allclose(got["W"], gW / 2, rtol=1e-5)
    np.testing.assert_allclose(got["b"], gb / 2, rtol=1e-5)


def start():
    return {"W": np.array([[0.3], [-0.2]]), "b": np.array([0.1])}


def forward(net, Z):
    return sig(Z @ net["W"] + net["b"])


def train(net, X, y, lr=0.5):
    d = (forward(net, X) - y) / len(X)
    net["W"] -= lr * X.T @ d
    net["b"] -= lr * d.sum(0)


def test_a_rate_that_is_a_keyword_of_a_dict_trainer():
    case = xl.adapt(start(), "W b", train, X, Y, predict=forward, lr="lr")
    assert case["lr"] == 0.5
    gW, _ = mean_gradient(start()["W"], start()["b"])
    np.testing.assert_allclose(case["grad"](case["params"])["W"], gW, rtol=1e-5)
    given = xl.adapt(start(), "W b", train, X, Y, lr="lr", train_args={"lr": 0.25})
    assert given["lr"] == 0.25
    assert xl.doctor(**case).healthy


def test_a_rate_stored_in_the_dict():
    def trainer(net, X, y):
        train(net, X, y, lr=net["lr"])

    case = xl.adapt(start() | {"lr": 0.3}, "W b", trainer, X, Y, lr="lr")
    assert case["lr"] == 0.3
    after = case["step"](case["params"])
    net = start()
    train(net, X, Y, lr=0.3)
    np.testing.assert_allclose(after["W"], net["W"])


def test_a_keyword_without_a_default_asks_for_its_value():
    def bare(net, X, y, *, lr):
        train(net, X, y, lr=lr)

    with pytest.raises(ValueError, match=r"no default; give the rate .* train_args=\{'lr'"):
        xl.adapt(start(), "W b", bare, X, Y, lr="lr")
    with pytest.raises(ValueError, match=r"no key 'eta' .*\(its keywords: 'lr'\)") as error:
        xl.adapt(start(), "W b", train, X, Y, lr="eta")
    assert "0.1" not in str(error.value)


class Eager(Unit):
    """A bug: b is updated first, and W's error is computed with the new b."""

    def train(self, X, y):
        self.b = self.b - self.lr * (self.forward(X) - y).mean(0)
        d = (self.forward(X) - y) / len(X)
        self.W = self.W - self.lr * X.T @ d


def test_an_update_that_reuses_a_value_it_changed_is_read_at_the_readers_rate():
    """Its step is not proportional to the rate, so updates cannot be counted: the gradient
    is read off one-sample epochs at the reader's own rate, where W's is not the gradient."""
    net = Eager(lr=2.0)
    case = xl.adapt(net, "W b", "train", X, Y, predict="forward", lr="lr")
    diagnosis = xl.doctor(**case)
    assert not diagnosis.healthy
    first = diagnosis.findings[0]
    assert first.code in {"data_factor", "wrong_gradient"} and first.title.endswith(" in W")


def unit_grad(p):
    W, b = p["W"], p["b"]
    gW, gb = mean_gradient(W, b)
    return {"W": gW, "b": gb}


def unit_loss(p):
    return mean_bce(forward(p, X))


def momentum_closure(lr=0.5, mu=0.9):
    """A reader's momentum step for function code: the velocities live in the closure."""
    velocity = {}

    def step(p, g):
        for k in p:
            velocity[k] = mu * velocity.get(k, 0.0) - lr * g[k]
        return {k: p[k] + velocity[k] for k in p}

    return step, velocity


class Schedule:
    """A reader's decaying rate in an object: lr / (1 + epoch / 10)."""

    def __init__(self, lr=4.0):
        self.lr, self.epoch = lr, 0

    def step(self, p, g):
        rate = self.lr / (1 + self.epoch / 10)
        self.epoch += 1
        return {k: p[k] - rate * g[k] for k in p}


def reader_losses(step, epochs):
    p, losses = start(), [unit_loss(start())]
    for _ in range(epochs):
        p = step(p, unit_grad(p))
        losses.append(unit_loss(p))
    return np.array(losses)


def test_a_stateful_step_function_runs_as_the_readers_and_is_left_alone():
    step, velocity = momentum_closure()
    case = dict(params=start(), loss=unit_loss, grad=unit_grad, X=X, y=Y, step=step, epochs=60)
    diagnosis = xl.doctor(**case)
    np.testing.assert_allclose(diagnosis.losses, reader_losses(momentum_closure()[0], 60))
    assert velocity == {}  # the reader's own step was never called
    schedule = Schedule()
    diagnosis = xl.doctor(**case | {"step": schedule.step})
    np.testing.assert_allclose(diagnosis.losses, reader_losses(Schedule().step, 60))
    assert schedule.epoch == 0
