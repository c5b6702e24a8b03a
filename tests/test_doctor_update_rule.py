"""A gradient read from a reader's update holds the update rule too: momentum and adaptive
steps are not wrong gradients when the reader's own run solves the task, while a wrong
backward pass that spares some array is still named (the zoo's sigmoid'-for-tanh class)."""

import numpy as np

import xorlab as xl
from xorlab.doctor import zoo

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


class Lookahead:
    """tanh hidden layer, sigmoid output, mean BCE; a heavy-ball step with a look-ahead term
    (the first step is (1 + mu) lr g, not lr g)."""

    def __init__(self, mu=0.8, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.p = {"A": rng.normal(0, 1, (2, 3)), "a": np.zeros(3)}
        self.p |= {"B": rng.normal(0, 1, (3, 1)), "b": np.zeros(1)}
        self.vel = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.mu, self.lr = mu, lr

    def predict(self, Z):
        self.hid = np.tanh(Z @ self.p["A"] + self.p["a"])
        return 1 / (1 + np.exp(-(self.hid @ self.p["B"] + self.p["b"])))

    def epoch(self, Z, T):
        err = (self.predict(Z) - T) / len(Z)
        back = (err @ self.p["B"].T) * (1 - self.hid**2)
        g = {"A": Z.T @ back, "a": back.sum(0), "B": self.hid.T @ err, "b": err.sum(0)}
        for k in self.p:
            self.vel[k] = self.mu * self.vel[k] - self.lr * g[k]
            self.p[k] = self.p[k] + self.mu * self.vel[k] - self.lr * g[k]


def test_a_momentum_rule_that_solves_the_task_is_healthy():
    case = xl.adapt(Lookahead(), "p.A p.a p.B p.b", "epoch", X, Y, predict="predict", lr="lr")
    diagnosis = xl.doctor(**case, epochs=600)
    assert diagnosis.healthy, diagnosis
    assert "does not step along the slope" in diagnosis.summary


def test_a_wrong_backward_pass_in_some_arrays_is_still_named():
    (name, codes), *_ = zoo.evaluate(["class_sigmoid_derivative_for_tanh"])
    assert "wrong_gradient" in codes or "data_factor" in codes
