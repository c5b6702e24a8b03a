"""Steps a constant of the update makes tiny: an Adam whose epsilon is huge moves the weights
about lr * g / eps, a gradient step shrunk in every array by the same factor. Read off the
update, that looks like a gradient off by a constant factor; the doctor must blame the step
(the rate or the update's constants), never the correct backward pass, and show that larger
steps make the loss fall."""

import numpy as np
import pytest

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


class AdamNet:
    """2-4-1 tanh/sigmoid network, mean BCE, full-batch Adam with epsilon `eps`."""

    def __init__(self, eps, lr=0.05, seed=4):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = rng.normal(0, 1, (4, 1)), np.zeros(1)
        self.lr, self.eps, self.t = lr, eps, 0
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, Z):
        self.h = np.tanh(Z @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, Z, T):
        d2 = (self.forward(Z) - T) / len(Z)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        grads = {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g**2
            m_hat, v_hat = self.m[k] / (1 - 0.9**self.t), self.v[k] / (1 - 0.999**self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))


def own_run(net, epochs):
    """The net's own training without the doctor: its outputs after `epochs` steps."""
    for _ in range(epochs):
        net.train(X, Y)
    return net.forward(X)


def diagnose(eps):
    case = xl.adapt(AdamNet(eps), "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr")
    return xl.doctor(**case, epochs=600)


def test_the_nets_own_runs_differ_as_the_test_claims():
    assert np.abs(own_run(AdamNet(1e-8), 600) - Y).max() < 0.1  # Adam as written fits XOR
    assert np.abs(own_run(AdamNet(1e8), 600) - Y).max() > 0.4  # eps = 1e8 does not move


def test_an_epsilon_of_1e8_is_blamed_on_the_step_and_larger_steps_are_shown_to_work():
    first = diagnose(1e8).findings[0]
    assert first.code == "lr_too_small"
    assert "1e-08 of a gradient step" in first.title
    assert "epsilon" in first.where and "times yours made the loss fall" in first.where
    assert "checked: your update's steps times" in first.evidence
    assert not {"constant_scale", "wrong_gradient"} & {f.code for f in diagnose(1e8).findings}


@pytest.mark.parametrize("eps", [1e-8, 1e-3])
def test_adam_with_a_sensible_epsilon_stays_healthy(eps):
    assert diagnose(eps).healthy


def test_a_gradient_off_by_a_plausible_factor_is_still_a_gradient_finding():
    """A stray factor 3 in every array of a plain gradient step, at a small rate, against
    the mean BCE the class prints: the backward pass is wrong, and the finding says so."""

    class Tripled(AdamNet):
        def loss(self, Z, T):
            p = self.forward(Z)
            return float(-np.mean(T * np.log(p) + (1 - T) * np.log(1 - p)))

        def train(self, Z, T):
            d2 = 3 * (self.forward(Z) - T) / len(Z)  # the stray factor 3
            d1 = (d2 @ self.W2.T) * (1 - self.h**2)
            grads = {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
            for k, g in grads.items():
                setattr(self, k, getattr(self, k) - self.lr * g)

    net = Tripled(1e-8, lr=0.001)
    case = xl.adapt(net, "W1 b1 W2 b2", "train", X, Y, predict="forward", loss="loss", lr="lr")
    codes = [f.code for f in xl.doctor(**case, epochs=600).findings]
    assert codes[0] == "constant_scale" and "lr_too_small" not in codes
