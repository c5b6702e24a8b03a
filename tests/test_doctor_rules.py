"""A right gradient with an update rule that does not train: the doctor names the rule only
after it has tried the change. For a stateful update (a schedule that halves or grows the
rate every epoch) the same epochs, each from a fresh copy of the reader's
object, must train; for a step function of the gradient (an RMSprop whose cache is never
filled) plain gradient descent with the reader's gradient must. A per-entry rule read off
the reader's update (Adam without its square root) is "cannot tell", never "the gradient is
wrong". The same code done right stays healthy. Expected runs are computed here in numpy."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def sig(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-4-1 tanh/sigmoid net, mean BCE, full batch. `rule` picks the update: 'sgd',
    'momentum' (v = mu v + lr g), 'slow_decay' (rate lr / sqrt(1 + 0.1 epoch)), 'halving'
    (rate lr / 2**epoch), 'growing' (rate lr * 1.05**epoch), 'lr_grows' (self.lr *= 1.05
    after each epoch), 'adam', 'adam_no_sqrt'."""

    def __init__(self, rule, lr=1.0, seed=5):
        rng = np.random.default_rng(seed)
        self.p = {"W1": rng.normal(0, 1, (2, 4)), "b1": np.zeros(4)}
        self.p |= {"W2": rng.normal(0, 1, (4, 1)), "b2": np.zeros(1)}
        self.rule, self.lr, self.t = rule, lr, 0
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}

    def forward(self, Z):
        self.h = np.tanh(Z @ self.p["W1"] + self.p["b1"])
        return sig(self.h @ self.p["W2"] + self.p["b2"])

    def grads(self, Z, T):
        d2 = (self.forward(Z) - T) / len(Z)
        d1 = (d2 @ self.p["W2"].T) * (1 - self.h**2)
        return {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}

    def train(self, Z, T):
        g, self.t = self.grads(Z, T), self.t + 1
        for k in self.p:
            self.p[k] -= self._move(k, g[k])
        if self.rule == "lr_grows":  # the rate the adapter reads, changed by the reader
            self.lr *= 1.05

    def _move(self, k, g):
        if self.rule == "momentum":
            self.m[k] = 0.9 * self.m[k] + self.lr * g
            return self.m[k]
        if self.rule == "slow_decay":  # a sound schedule, slow: lr / sqrt(1 + 0.1 epoch)
            return self.lr / np.sqrt(1 + 0.1 * (self.t - 1)) * g
        if self.rule in ("halving", "growing"):
            return self.lr * (0.5 if self.rule == "halving" else 1.05) ** (self.t - 1) * g
        if self.rule.startswith("adam"):
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g**2
            m, v = self.m[k] / (1 - 0.9**self.t), self.v[k] / (1 - 0.999**self.t)
            return self.lr * m / (v + 1e-8 if self.rule == "adam_no_sqrt" else np.sqrt(v) + 1e-8)
        return self.lr * g


RATES = {"sgd": 1.0, "momentum": 0.1, "growing": 1.0, "halving": 1.0, "adam": 0.05}
RATES |= {"adam_no_sqrt": 0.05, "lr_grows": 1.0, "slow_decay": 0.1}


def solved_by_own_run(rule, epochs):
    net = Net(rule, RATES[rule])
    with np.errstate(all="ignore"):
        for _ in range(epochs):
            net.train(X, Y)
        out = net.forward(X)
    return bool(np.all(np.isfinite(out)) and np.all((out > 0.5) == (Y > 0.5)))


def diagnose(rule, epochs):
    net = Net(rule, RATES[rule])
    case = xl.adapt(net, "p.W1 p.b1 p.W2 p.b2", "train", X, Y, predict="forward", lr="lr")
    case |= {} if epochs is None else {"epochs": epochs}
    with np.errstate(all="ignore"):
        return xl.doctor(**case)


@pytest.mark.parametrize("rule", ["sgd", "momentum", "adam"])
def test_the_same_net_with_a_sound_update_rule_is_healthy(rule):
    assert solved_by_own_run(rule, 800)
    assert diagnose(rule, 800).healthy


@pytest.mark.parametrize("rule", ["growing", "halving", "lr_grows"])
def test_a_rule_that_goes_wrong_over_the_epochs_is_named_after_a_fresh_start_trains(rule):
    assert not solved_by_own_run(rule, 800)
    found = diagnose(rule, 800)
    assert found.codes[:1] == ["carried_update"], found
    checked = found.findings[0].evidence.splitlines()[-1]
    assert checked.startswith("checked: the same epochs, each from a fresh copy of your step")


def test_a_per_entry_rule_read_off_the_update_is_sent_to_its_rule_not_a_wrong_gradient():
    assert not solved_by_own_run("adam_no_sqrt", 800)
    found = diagnose("adam_no_sqrt", 800)  # a textbook update with the loss's gradient trains
    assert found.codes[:1] == ["rule_or_gradient"], found
    assert not {"wrong_gradient", "data_factor", "constant_scale"} & set(found.codes)
    assert "has the sign of the loss's slope" in found.findings[0].evidence


def rmsprop(lr, fill):
    """RMSprop as a step function with its cache in a closure; `fill=False` is the bug of a
    cache that is never updated (it stays 0: steps of lr * g / 1e-8)."""
    cache = {}

    def step(p, g):
        out = {}
        for k in p:
            c = cache.get(k, np.zeros_like(p[k]))
            cache[k] = 0.9 * c + 0.1 * g[k] ** 2 if fill else c
            out[k] = p[k] - lr * g[k] / (np.sqrt(cache[k]) + 1e-8)
        return out

    return step


def function_case(fill):
    net = Net("sgd")

    def predict(p, Z):
        net.p = p
        return net.forward(Z)

    def loss(p):
        out = predict(p, X)
        return float(-np.mean(Y * np.log(out) + (1 - Y) * np.log(1 - out)))

    def grad(p):
        net.p = p
        return net.grads(X, Y)

    params = {k: v.copy() for k, v in Net("sgd").p.items()}
    return dict(params=params, loss=loss, grad=grad, X=X, y=Y, predict=predict)


def test_a_step_function_that_breaks_descent_is_named_after_plain_descent_trains():
    with np.errstate(all="ignore"):
        healthy = xl.doctor(**function_case(True), step=rmsprop(0.02, True), lr=0.02, epochs=800)
        broken = xl.doctor(**function_case(False), step=rmsprop(0.02, False), lr=1.0, epochs=800)
    assert healthy.healthy, healthy
    assert broken.codes[:1] == ["step_rule"], broken
    assert "checked: plain gradient descent with your gradient, p - 1 * g" in str(broken)


def test_a_start_too_large_is_named_once_a_smaller_start_fits():
    def start(scale):
        net = Net("sgd", lr=1.0, seed=2)
        net.p = {k: scale * v + (scale - 1) * (k == "b1") for k, v in net.p.items()}
        return net

    big = start(12.0)
    with np.errstate(all="ignore"):
        for _ in range(1500):
            big.train(X, Y)
        stuck = not np.all((big.forward(X) > 0.5) == (Y > 0.5))
    assert stuck  # the reader's run from the large start does not solve XOR
    case = xl.adapt(start(12.0), "p.W1 p.b1 p.W2 p.b2", "train", X, Y, predict="forward", lr="lr")
    found = xl.doctor(**case, epochs=1500)
    assert found.codes[:1] == ["large_start"], found
    assert "checked: your steps from your start times 0.1 solve it" in str(found)


class Flat:
    """A 2-3-1 sigmoid net trained on y as given; with flat y (n,), p - y broadcasts to
    (n, n), and the reader averaged it back to one column (the bug)."""

    def __init__(self, lr=2.0, seed=4):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 3)), np.zeros(3)
        self.W2, self.b2 = rng.normal(0, 1, (3, 1)), np.zeros(1)
        self.lr = lr

    def forward(self, Z):
        self.h = sig(Z @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def cost(self, Z, T):
        """Mean BCE, which broadcasts the same way (its gradient is the one train follows)."""
        out = self.forward(Z)
        return float(-np.mean(T * np.log(out) + (1 - T) * np.log(1 - out)))

    def train(self, Z, T):
        d2 = np.mean(self.forward(Z) - T, axis=1, keepdims=True) / len(Z)
        d1 = (d2 @ self.W2.T) * self.h * (1 - self.h)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * Z.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def test_flat_targets_against_column_outputs_are_named_once_reshaped_targets_fit():
    kw = {"predict": "forward", "loss": "cost", "lr": "lr"}
    assert xl.doctor(**xl.adapt(Flat(), "W1 b1 W2 b2", "train", X, Y, **kw), epochs=2000).healthy
    flat = xl.adapt(Flat(), "W1 b1 W2 b2", "train", X, Y.ravel(), **kw)
    found = xl.doctor(**flat, epochs=2000)
    assert found.codes[:1] == ["target_shape"], found
    assert "y of shape (4,) against outputs of (4, 1)" in found.findings[0].evidence


def test_a_sound_schedule_that_is_only_slow_is_not_blamed_without_the_readers_epochs():
    assert not solved_by_own_run("slow_decay", 300)  # the doctor's 300-step probe
    assert solved_by_own_run("slow_decay", 1500)  # a constant rate 0.1 solves it by 300
    found = diagnose("slow_decay", None)
    assert found.healthy, found
    assert "it trains, slowly" in found.summary
