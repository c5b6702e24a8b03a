"""Integer inputs: the adapter hands the reader's `predict` the inputs in their own dtype, as
training gets them, and a run that fails because numpy's integer arithmetic wraps around
(uint8 pixels centred with `X - 128`) is named, verified by the same training on the same
values as float64. Networks written here as a learner would."""

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor.causes import GRADIENT
from xorlab.doctor.reader import lossless

PIXELS = np.array([[0, 0], [0, 255], [255, 0], [255, 255]], dtype=np.uint8)
Y = np.array([[0], [1], [1], [0]], dtype=float)
SEEN = set()
"""The dtypes of the inputs every `PixelNet.forward` was given (the doctor's copies of the
net included)."""


class PixelNet:
    """2-4-1 tanh/sigmoid net on the mean BCE's delta that scales its inputs itself:
    `centre` maps 0..255 onto [-1, 1) with (X - 128) / 128 (wraps around on uint8: 0 becomes
    128), else onto [0, 1] with X / 255. Records the dtype of every X it is given in SEEN."""

    def __init__(self, centre, lr=0.5, seed=1):
        r = np.random.default_rng(seed)
        self.W1, self.b1 = r.normal(0, 1, (2, 4)), np.zeros(4)
        self.W2, self.b2 = r.normal(0, 1, (4, 1)), np.zeros(1)
        self.centre, self.lr = centre, lr

    def forward(self, X):
        SEEN.add(X.dtype.name)
        self.a = (X - 128) / 128 if self.centre else X / 255
        self.h = np.tanh(self.a @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(self.h @ self.W2 + self.b2)))

    def train(self, X, y):
        d2 = (self.forward(X) - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1 - self.h**2)
        self.W2 -= self.lr * self.h.T @ d2
        self.b2 -= self.lr * d2.sum(0)
        self.W1 -= self.lr * self.a.T @ d1
        self.b1 -= self.lr * d1.sum(0)


def diagnose(net, X, epochs=1500):
    case = xl.adapt(net, "W1 b1 W2 b2", "train", X, Y, predict="forward", lr="lr", epochs=epochs)
    with np.errstate(all="ignore"):
        return xl.doctor(**case)


def test_uint8_inputs_that_wrap_around_are_named_and_the_gradient_is_not_blamed():
    found = diagnose(PixelNet(centre=True), PIXELS)
    assert found.codes[0] == "integer_inputs", found
    assert "(uint8)" in found.findings[0].title
    assert "your training on the same inputs as float64 fits the data" in str(found)
    assert not set(found.codes) & GRADIENT, found


def test_the_same_code_on_the_same_inputs_as_floats_is_healthy():
    assert diagnose(PixelNet(centre=True), PIXELS.astype(float)).healthy


def test_uint8_inputs_scaled_without_wrapping_are_healthy_and_predict_sees_them_as_uint8():
    SEEN.clear()
    found = diagnose(PixelNet(centre=False), PIXELS)
    assert found.healthy, found
    assert SEEN == {"uint8"}


@pytest.mark.parametrize(
    "values, dtype, kept",
    [
        ([0.0, 255.0], np.uint8, True),
        ([0.0, 256.0], np.uint8, False),  # out of uint8's range
        ([-1.0, 2.0], np.uint8, False),
        ([-1.0, 2.0], np.int64, True),
        ([0.5, 2.0], np.int64, False),  # not whole
        ([0.0, 1.0], np.bool_, True),
    ],
)
def test_lossless_casts_only_values_the_dtype_holds_exactly(values, dtype, kept):
    Z = np.array(values)
    out = lossless(Z, dtype)
    assert (out.dtype == np.dtype(dtype)) is kept
    np.testing.assert_array_equal(out, Z)
