"""Several sigmoid outputs, each with its own BCE (a 4-2-4 encoder), and no `loss` given:
the doctor must find the loss the gradient belongs to among the standard ones (the BCE of
each output, averaged over the samples or over every output), not call the gradient wrong
because it is not softmax's cross-entropy; a real slip in the same network is still named."""

import numpy as np
import pytest

import xorlab as xl

X = np.eye(4)
Y = np.eye(4)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def start(seed=5):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (4, 2)),
        "b1": np.zeros(2),
        "W2": rng.normal(0, 1, (2, 4)),
        "b2": np.zeros(4),
        "lr": 1.0,
    }


def forward(p, Z):
    return sigmoid(sigmoid(Z @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])


def trainer(scale, hidden_slope=True):
    """One full-batch step on the BCE of every output divided by `scale` (n: a mean over the
    samples; n k: over every output); `hidden_slope=False` forgets h (1 - h) (the bug)."""

    def train(p, Z, T):
        h = sigmoid(Z @ p["W1"] + p["b1"])
        d2 = (forward(p, Z) - T) / scale(len(Z), T.shape[1])
        d1 = d2 @ p["W2"].T * (h * (1 - h) if hidden_slope else 1)
        for k, g in (("W2", h.T @ d2), ("b2", d2.sum(0)), ("W1", Z.T @ d1), ("b1", d1.sum(0))):
            p[k] -= p["lr"] * g

    return train


def codes(train, epochs=20):
    case = xl.adapt(start(), "W1 b1 W2 b2", train, X, Y, predict=forward, lr="lr")
    return [f.code for f in xl.doctor(**case, epochs=epochs).findings]


def bce_each(p):
    """The mean over samples of the summed BCE of the outputs, in plain numpy."""
    out = forward(p, X)
    return -np.sum(Y * np.log(out) + (1 - Y) * np.log(1 - out)) / len(X)


def test_the_encoders_step_is_the_slope_of_its_bce_in_plain_numpy():
    p, q = start(), start()
    trainer(lambda n, k: n)(q, X, Y)
    eps, w = 1e-6, p["W2"].copy()
    p["W2"][0, 0] += eps
    up = bce_each(p)
    p["W2"][0, 0] -= 2 * eps
    slope = (up - bce_each(p)) / (2 * eps)
    assert np.isclose((w[0, 0] - q["W2"][0, 0]) / 1.0, slope, rtol=1e-6)


@pytest.mark.parametrize("scale", [lambda n, k: n, lambda n, k: n * k], ids=["mean", "every"])
def test_a_bce_of_each_output_is_no_wrong_gradient(scale):
    assert not {"wrong_gradient", "data_factor", "constant_scale"} & set(codes(trainer(scale)))


def test_a_forgotten_hidden_slope_in_the_same_encoder_is_still_named():
    found = codes(trainer(lambda n, k: n, hidden_slope=False))
    assert found and found[0] in {"wrong_gradient", "data_factor"}


def test_adapt_leaves_numpys_global_random_state_as_it_found_it():
    """xl.adapt runs the reader's code at call time (as xl.doctor does), which may draw from
    numpy's global state: the caller's next draw is still the one it would have been."""

    def noisy(p, Z, T):  # a step that draws from numpy's global state
        p["W2"] -= 1e-3 * np.random.standard_normal(p["W2"].shape)

    np.random.seed(3)
    xl.adapt(start(), "W1 b1 W2 b2", noisy, X, Y, predict=forward, lr="lr")
    drawn = np.random.rand()
    np.random.seed(3)
    assert drawn == np.random.rand()
