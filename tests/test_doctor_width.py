"""A hidden layer of one unit cannot fit XOR: the output is a monotone function of one line
through the inputs. The doctor's report on such a net must send the reader to the width, not
only to the activation."""

import numpy as np

import xorlab as xl

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def one_unit(seed=1):
    """A 2-1-1 tanh/sigmoid net as a dict, trained by plain full-batch descent on mean BCE."""
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(0, 1, (2, 1)),
        "b1": np.zeros(1),
        "W2": rng.normal(0, 1, (1, 1)),
        "b2": np.zeros(1),
        "lr": 0.5,
    }


def forward(p, Z):
    return 1 / (1 + np.exp(-(np.tanh(Z @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"])))


def train(p, Z, T):
    h = np.tanh(Z @ p["W1"] + p["b1"])
    d2 = (forward(p, Z) - T) / len(Z)
    d1 = (d2 @ p["W2"].T) * (1 - h**2)
    for k, g in (("W2", h.T @ d2), ("b2", d2.sum(0)), ("W1", Z.T @ d1), ("b1", d1.sum(0))):
        p[k] -= p["lr"] * g


def test_one_hidden_unit_never_fits_xor_on_its_own():
    for seed in range(5):
        p = one_unit(seed)
        for _ in range(2000):
            train(p, X, Y)
        out = forward(p, X)
        assert not np.all((out > 0.5) == (Y > 0.5)), seed  # never all four on their side


def test_the_report_points_at_the_hidden_layers_width():
    """Whichever capacity finding comes (the net read as linear on the data, or no fit even
    with Adam), it names the hidden layer's width among the places to look."""
    case = xl.adapt(one_unit(), "W1 b1 W2 b2", train, X, Y, predict=forward, lr="lr")
    found = [f for f in xl.doctor(**case, epochs=2000).findings if f.code in CAPACITY]
    assert found and all(("width" in f.where or "hidden units" in f.where) for f in found)


CAPACITY = {"linear", "cannot_fit"}
