"""Scales the doctor must not wave through: the rate applied twice (read off the update as
the rate squared, or, with the rate given as a number, a gradient that is lr times the
loss's), weights stored as float16 (updates rounded away), inputs far larger than 1 (units
saturated from the start). Each buggy class has a healthy twin that differs only where the
bug is, and stays healthy; the runs the tests lean on are computed here in plain numpy."""

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor.capacity import fits

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def sig(z):
    return 1 / (1 + np.exp(-z))


class Net:
    """2-4-1 tanh/sigmoid net, mean BCE, full batch, weights stored as `dtype`; `twice`: the
    backward pass returns lr * g and the update multiplies by lr again."""

    def __init__(self, lr, dtype=np.float64, twice=False, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1, (2, 4)).astype(dtype)
        self.b1 = np.zeros(4, dtype)
        self.W2 = rng.normal(0, 1, (4, 1)).astype(dtype)
        self.b2 = np.zeros(1, dtype)
        self.lr, self.twice = lr, twice

    def forward(self, Z):
        self.h = np.tanh(Z @ self.W1 + self.b1)
        return sig(self.h @ self.W2 + self.b2)

    def backward(self, Z, T):
        d2 = (self.forward(Z) - T) / len(Z)
        d1 = d2 @ self.W2.T * (1 - self.h**2)
        g = {"W1": Z.T @ d1, "b1": d1.sum(0), "W2": self.h.T @ d2, "b2": d2.sum(0)}
        return {k: (self.lr if self.twice else 1) * v for k, v in g.items()}

    def train(self, Z, T):
        for k, g in self.backward(Z, T).items():
            w = getattr(self, k)
            w -= self.lr * g  # in place: the stored dtype stays


def own_run(net, Z, epochs):
    """The class's own run, outside the doctor: its outputs at the end."""
    for _ in range(epochs):
        net.train(Z, Y)
    return net.forward(Z).astype(float)


def doctor(net, Z=X, lr="lr", epochs=2000, predict="forward"):
    return xl.doctor(
        **xl.adapt(net, "W1 b1 W2 b2", "train", Z, Y, predict=predict, lr=lr), epochs=epochs
    )


def test_a_fit_is_every_output_past_the_middle_by_a_tenth_of_the_way():
    assert not fits(np.array([[0.49], [0.53]]), np.array([[0.0], [1.0]]))
    assert fits(np.array([[0.3], [0.6]]), np.array([[0.0], [1.0]]))
    assert not fits(np.array([[-0.05], [0.5]]), np.array([[-1.0], [1.0]]))  # middle 0
    assert fits(np.array([[-0.2], [0.2]]), np.array([[-1.0], [1.0]]))


def test_the_rate_applied_twice_is_named_though_its_outputs_end_a_hair_past_the_middle():
    out = own_run(Net(0.1, twice=True, seed=1), X, 2000)
    assert np.all((out > 0.5) == (Y > 0.5)) and np.abs(out - 0.5).min() < 0.05  # barely
    assert fits(own_run(Net(0.1, seed=1), X, 2000), Y)  # plain descent at the same rate
    found = doctor(Net(0.1, twice=True, seed=1)).findings
    assert found and found[0].code == "not_a_step", found
    assert "rate squared" in found[0].title


def test_with_the_rate_as_a_number_a_gradient_lr_times_the_loss_says_the_rate_is_twice():
    found = doctor(Net(0.1, twice=True, seed=1), lr=0.1).findings
    assert found and found[0].code == "constant_scale", found
    assert found[0].title.endswith("your learning rate")
    assert "the rate is in your gradient and in the step" in found[0].evidence


@pytest.mark.parametrize("lr", ["lr", 0.1])
def test_the_rate_applied_once_stays_healthy(lr):
    assert doctor(Net(0.1, seed=1), lr=lr).healthy


def test_float16_weights_whose_updates_round_away_get_a_dtype_finding_checked_in_float64():
    assert not fits(own_run(Net(0.003, np.float16, seed=3), X, 5000), Y)
    assert fits(own_run(Net(0.003, np.float64, seed=3), X, 5000), Y)
    found = doctor(Net(0.003, np.float16, seed=3), epochs=5000).findings
    assert found and found[0].code == "low_precision", found
    assert "float16" in found[0].title and "float64 weights: loss" in found[0].evidence


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_same_net_in_float32_or_float64_stays_healthy(dtype):
    assert doctor(Net(0.003, dtype, seed=3), epochs=5000).healthy


PIXELS = 255 * X


class Pixels(Net):
    """The same net on inputs it divides by 255 itself (correct code fed 0-255 inputs)."""

    def predict(self, Z):
        return self.forward(Z / 255)

    def train(self, Z, T):
        super().train(Z / 255, T)


def test_inputs_of_size_255_get_a_finding_checked_on_a_rescaled_copy():
    assert not fits(own_run(Net(0.5, seed=4), PIXELS, 1500), Y)
    assert fits(own_run(Net(0.5, seed=4), PIXELS / 255, 1500), Y)
    found = doctor(Net(0.5, seed=4), PIXELS, epochs=1500).findings
    assert found and found[0].code == "large_inputs", found
    assert "up to 255" in found[0].title and "divided by [255, 255]" in found[0].evidence


def test_inputs_of_size_255_that_the_code_scales_itself_stay_healthy():
    net = Pixels(0.5, seed=4)
    for _ in range(1500):
        net.train(PIXELS, Y)
    assert fits(net.predict(PIXELS), Y)
    assert doctor(Pixels(0.5, seed=4), PIXELS, epochs=1500, predict="predict").healthy
