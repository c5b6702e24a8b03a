"""An update that ignores the rate the adapter was told, and one that applies it twice under
momentum: each is an update rule, verified by a textbook update (plain gradient descent, then
Adam) with the loss's own gradient; a healthy twin of each stays healthy. Networks written
here as a learner would."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
NAMES = ("W1", "b1", "W2", "b2")


class Optimised:
    """2-4-1 tanh/sigmoid net on the mean BCE's delta. `rule`: "adam" (with the rate),
    "adam_no_rate" (its step m_hat / sqrt(v_hat) without the rate), "momentum" or
    "momentum_rate_twice" (the rate in the velocity and again in the step)."""

    def __init__(self, rule, lr=0.1, seed=0):
        r = np.random.default_rng(seed)
        self.W1, self.b1 = r.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = r.normal(0, 1, (4, 1)), np.zeros(1)
        self.rule, self.lr, self.t = rule, lr, 0
        self.m = {k: 0.0 for k in NAMES}
        self.v = {k: 0.0 for k in NAMES}

    def forward(self, X):
        self.h = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = {"W1": X.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k, g in grads.items():
            setattr(self, k, getattr(self, k) - self.move(k, g))

    def move(self, k, g):
        if self.rule.startswith("momentum"):
            self.v[k] = 0.9 * self.v[k] + self.lr * g
            return self.v[k] * (self.lr if self.rule == "momentum_rate_twice" else 1.0)
        self.m[k] = 0.9 * self.m[k] + 0.1 * g
        self.v[k] = 0.999 * self.v[k] + 0.001 * g**2
        m_hat, v_hat = self.m[k] / (1 - 0.9**self.t), self.v[k] / (1 - 0.999**self.t)
        step = m_hat / (np.sqrt(v_hat) + 1e-8)
        return step if self.rule == "adam_no_rate" else self.lr * step


def diagnose(net, epochs):
    case = xl.adapt(net, NAMES, "train", X, Y, predict="forward", lr="lr", epochs=epochs)
    with np.errstate(all="ignore"):
        return xl.doctor(**case)


def test_an_adam_step_without_the_rate_ignores_the_rate_named():
    found = diagnose(Optimised("adam_no_rate"), 300)
    assert found.codes == ["not_a_step"], found
    assert found.findings[0].title.endswith("it ignores the rate you named")
    assert "checked: Adam (0.9, 0.999, 1e-8)" in found.findings[0].evidence


def test_the_same_adam_with_its_rate_is_healthy():
    assert diagnose(Optimised("adam"), 300).healthy


def test_the_rate_applied_twice_under_momentum_is_verified_by_a_textbook_update():
    found = diagnose(Optimised("momentum_rate_twice", lr=0.1, seed=1), 150)
    assert found.codes == ["not_a_step"], found
    assert "the rate squared" in found.findings[0].title
    assert "checked: " in found.findings[0].evidence


def test_momentum_with_its_rate_once_is_healthy():
    assert diagnose(Optimised("momentum", lr=0.1, seed=1), 600).healthy
