"""A gradient read off an update (`xl.adapt`) is a gradient only if the update is a gradient
step. Classes with a right backward pass and a broken update rule (momentum applied to the
weights, the rate applied twice, an Adam whose state breaks at once, weights re-initialised
in every epoch) get an update-rule finding that says what was measured and that plain
gradient descent trains from the same start: never "the gradient is wrong". When plain
descent does not train either, "cannot tell". The same class with a sound rule (plain,
decoupled weight decay, Adam) stays healthy. Runs the tests compare with are computed here
in plain numpy."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
GRADIENT = {"sign_flip", "constant_scale", "data_factor", "zero_gradient", "wrong_gradient"}


def sig(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-4-1 tanh/sigmoid net, mean BCE, full batch; `rule` picks the update of `train`:
    'sgd', 'decay' (w (1 - 1e-4) - lr g), 'strong_decay' (w (1 - 0.03) - lr g), 'adam',
    'on_weights' (0.9 w - lr g), 'rate_twice' (w - lr lr g), 'adam_shared' (m and v one
    buffer), 'adam_negative' (1 - 0.999**t written 0.999**t - 1),
    'reinit' (weights drawn again at the start of every epoch), 'reinit_random' (the same from
    numpy's global generator)."""

    def __init__(self, rule, lr, seed=1):
        self.rule, self.lr, self.seed, self.t = rule, lr, seed, 0
        self.init()
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = self.m if rule == "adam_shared" else {k: 0 * w for k, w in self.m.items()}

    def init(self):
        rng = np.random.default_rng(self.seed)
        if self.rule == "reinit_random":  # numpy's global generator, never seeded here
            rng = np.random
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)

    def forward(self, Z):
        self.h = np.tanh(Z @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def loss(self, Z, T):
        p = self.forward(Z)
        return float(-np.mean(T * np.log(p) + (1 - T) * np.log(1 - p)))

    def train(self, Z, T):
        if self.rule.startswith("reinit"):
            self.init()
        d2 = (self.forward(Z) - T) / len(Z)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        g = {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k in g:
            setattr(self, k, self.move(k, getattr(self, k), g[k]))

    def move(self, k, w, g):
        if self.rule in ("sgd", "reinit", "reinit_random"):
            return w - self.lr * g
        if self.rule == "decay":
            return (1 - 1e-4) * w - self.lr * g
        if self.rule == "strong_decay":  # a move at rate 0 as large as the gradient's part
            return (1 - 0.03) * w - self.lr * g
        if self.rule == "on_weights":
            return 0.9 * w - self.lr * g
        if self.rule == "rate_twice":
            return w - self.lr * self.lr * g
        self.m[k] = 0.9 * self.m[k] + 0.1 * g
        self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
        c2 = 0.999**self.t - 1 if self.rule == "adam_negative" else 1 - 0.999**self.t
        with np.errstate(all="ignore"):
            return w - self.lr * self.m[k] / (1 - 0.9**self.t) / (np.sqrt(self.v[k] / c2) + 1e-8)


def diagnose(rule, lr, epochs=2000, seed=1, named=True):
    """The doctor on `Net`, its rate named ("lr", the adapter can set it) or given as the
    number (the adapter cannot)."""
    net = Net(rule, lr, seed)
    rate = "lr" if named else lr
    case = xl.adapt(
        net, "W1 b1 W2 b2", "train", X, Y, predict="forward", loss="loss", lr=rate, epochs=epochs
    )
    return xl.doctor(**case)


def solves(rule, lr, epochs, seed=1):
    """The class's own run, in plain numpy: every output on the right side of 0.5."""
    net = Net(rule, lr, seed)
    with np.errstate(all="ignore"):
        for _ in range(epochs):
            net.train(X, Y)
        out = net.forward(X)
    return bool(np.all(np.isfinite(out)) and np.all((out > 0.5) == (Y > 0.5)))


BROKEN = [
    ("on_weights", 1.0, 2000, "even at rate 0"),
    ("rate_twice", 3.0, 2000, "the rate squared"),
    ("adam_shared", 0.05, 2000, "within 1 update"),
    ("adam_negative", 0.05, 2000, "within 1 update"),
]


@pytest.mark.parametrize(("rule", "lr", "epochs", "said"), BROKEN)
def test_an_update_that_is_no_gradient_step_is_named_and_plain_descent_verified(
    rule, lr, epochs, said
):
    assert not solves(rule, lr, epochs) and solves("sgd", lr, epochs)  # the premise, in numpy
    diagnosis = diagnose(rule, lr, epochs)
    first = diagnosis.findings[0]
    assert first.code == "not_a_step" and said in first.title
    assert "update rule" in first.title  # the judge's words for the update rule
    assert "checked: plain gradient descent" in first.evidence
    assert "every output on the right side" in first.evidence
    assert not set(diagnosis.codes) & GRADIENT


def test_what_the_rate_multiplies_is_read_as_the_loss_gradient():
    evidence = diagnose("on_weights", 1.0).findings[0].evidence
    assert "cosine +1.0000, length ratio 1.000" in evidence


def test_with_the_rate_as_a_number_a_part_in_the_weights_is_read_off_the_gradient():
    first = diagnose("on_weights", 1.0, named=False).findings[0]
    assert first.code == "not_a_step" and "in proportion to themselves" in first.title
    assert "plus 0.1 times the weights" in first.evidence  # 1 - mu, mu = 0.9 at rate 1
    assert "checked: plain gradient descent" in first.evidence


@pytest.mark.parametrize("rule", ["decay", "strong_decay"])
def test_with_the_rate_as_a_number_a_decoupled_decay_that_trains_stays_healthy(rule):
    diagnosis = diagnose(rule, 1.0, named=False)
    assert diagnosis.healthy and "it trains" in diagnosis.summary


@pytest.mark.parametrize("rule", ["reinit", "reinit_random"])
def test_weights_drawn_again_every_epoch_are_a_reset_not_a_capacity_problem(rule):
    np.random.seed(0)  # the learner's unseeded draws, made repeatable for the premise
    assert not solves(rule, 1.0, 2000) and solves("sgd", 1.0, 2000)
    diagnosis = diagnose(rule, 1.0)
    assert diagnosis.codes == ["reset_each_epoch"]
    assert "reset" in diagnosis.findings[0].title
    assert "does not depend on the weights it is given" in diagnosis.findings[0].evidence


def test_when_plain_descent_does_not_train_either_it_cannot_tell_and_blames_no_gradient():
    # seed 0: plain descent at rate 1 stalls too (checked here in numpy)
    assert not solves("sgd", 1.0, 2000, seed=0) and not solves("on_weights", 1.0, 2000, seed=0)
    diagnosis = diagnose("on_weights", 1.0, seed=0)
    assert diagnosis.codes == ["cannot_tell"]
    evidence = diagnosis.findings[0].evidence
    assert "even at rate 0" not in diagnosis.findings[0].title
    assert "changes the weights by up to" in evidence and "tried: plain gradient" in evidence


@pytest.mark.parametrize(
    ("rule", "lr"), [("sgd", 1.0), ("decay", 1.0), ("strong_decay", 1.0), ("adam", 0.05)]
)
def test_a_sound_update_rule_that_trains_stays_healthy(rule, lr):
    assert solves(rule, lr, 2000)
    assert diagnose(rule, lr).healthy


class Rows:
    """2-2-1 tanh/sigmoid net trained one sample at a time with 1-D rows x: (2,), d1: (2,).
    `outer`: W1 -= lr * np.outer(x, d1) (right), else lr * (x.T @ d1): x.T of a 1-D array is
    x, so that is a dot product, one number added to every entry of W1."""

    def __init__(self, outer, lr=2.0, seed=1):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 2)), np.zeros(2)
        self.W2, self.b2 = rng.normal(0, 1, (2, 1)), np.zeros(1)
        self.outer, self.lr = outer, lr

    def forward(self, Z):
        return sig(np.tanh(Z @ self.W1 + self.b1) @ self.W2 + self.b2)

    def loss(self, Z, T):
        p = self.forward(Z)
        return float(-np.mean(T * np.log(p) + (1 - T) * np.log(1 - p)))

    def train(self, Z, T):
        for x, t in zip(Z, T):
            h = np.tanh(x @ self.W1 + self.b1)
            d2 = sig(h @ self.W2 + self.b2) - t
            d1 = (d2 @ self.W2.T) * (1 - h**2)
            self.W2 -= self.lr * np.outer(h, d2)
            self.b2 -= self.lr * d2
            self.W1 -= self.lr * (np.outer(x, d1) if self.outer else x.T @ d1)
            self.b1 -= self.lr * d1


def rows(outer, seed):
    net = Rows(outer, seed=seed)
    case = xl.adapt(
        net, "W1 b1 W2 b2", "train", X, Y, predict="forward", loss="loss", lr="lr", epochs=2000
    )
    with np.errstate(all="ignore"):
        for _ in range(2000):
            net.train(X, Y)
    fit = bool(np.all((net.forward(X) > 0.5) == (Y > 0.5)))
    return xl.doctor(**case), fit


def test_a_dot_product_of_1d_rows_for_an_outer_product_is_named_not_the_gradient():
    diagnosis, fit = rows(outer=False, seed=1)
    assert not fit
    first = diagnosis.findings[0]
    assert first.code == "dot_for_outer" and "W1" in first.title
    assert "update rule" in first.title and "checked: plain gradient descent" in first.evidence
    assert not set(diagnosis.codes) & GRADIENT


def test_the_same_rows_with_the_outer_product_stay_healthy():
    diagnosis, fit = rows(outer=True, seed=1)
    assert fit and diagnosis.healthy


class Linear:
    """2-4-1 tanh net with a linear output and the mean squared error, full batch, plain
    gradient descent at the rate `lr` (large rates blow the weights up in a few epochs)."""

    def __init__(self, lr, seed=1):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, Z):
        self.h = np.tanh(Z @ self.W1 + self.b1)
        return self.h @ self.W2 + self.b2

    def loss(self, Z, T):
        return float(np.mean((self.forward(Z) - T) ** 2))

    def train(self, Z, T):
        d2 = 2 * (self.forward(Z) - T) / len(Z)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * Z.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def test_a_gradient_step_at_a_rate_that_blows_up_is_a_rate_not_an_optimiser():
    net = Linear(lr=1e150)  # so large that the weights overflow at once
    with np.errstate(all="ignore"):
        for _ in range(3):
            net.train(X, Y)
    assert not np.all(np.isfinite(net.W1))  # the premise: not finite within 3 epochs
    case = xl.adapt(Linear(lr=1e150), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr")
    diagnosis = xl.doctor(**case)
    assert "not_a_step" not in diagnosis.codes and not set(diagnosis.codes) & GRADIENT
    assert not any("a weight is NaN or infinite" in f.evidence for f in diagnosis.findings)


class Refuses(Net):
    """`Net` whose training refuses a rate that is not positive, as some learners' code does."""

    def train(self, Z, T):
        if self.lr <= 0:
            raise ValueError("the learning rate must be positive")
        super().train(Z, T)


@pytest.mark.parametrize(("rule", "codes"), [("sgd", []), ("on_weights", ["not_a_step"])])
def test_code_that_refuses_a_rate_of_0_is_still_examined(rule, codes):
    net = Refuses(rule, 1.0)
    case = xl.adapt(net, "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr", epochs=2000)
    assert xl.doctor(**case).codes == codes
