"""A backward pass that divides by the targets (BCE's dL/dout written with y where the output
belongs) is not finite at targets of exactly 0 or 1, and breaks the weights in one update
even at rate 0 (0 times inf is NaN), as a broken optimiser would. The doctor tells the two
apart by moving the targets a hair inside [0, 1]: the finding then names the targets, and
plain descent with the loss's own gradient verifies it. An optimiser that breaks whatever
the targets stays an update-rule finding; the right derivative stays healthy. Networks
written here as a learner would, samples as columns."""

import numpy as np
import pytest

import xorlab as xl
from xorlab.doctor import probe

X = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)  # (d_in, n): samples as columns
Y = np.array([[0, 1, 1, 0]], dtype=float)


class ColumnNet:
    """2-3-1 tanh/sigmoid net on samples as columns, weights (units, inputs), mean BCE
    written through dL/dout and the sigmoid's slope. `dout`: "right" (-y/out +
    (1-y)/(1-out)), "swapped" (-out/y: y in the denominator), "y_slope" ((out - y) / (y (1 -
    y)): the slope of the targets for the outputs'); `adam_root_of_m` divides Adam's step by
    the root of the first moment (NaN wherever it is negative), with the right dL/dout."""

    def __init__(self, dout="right", adam_root_of_m=False, lr=0.5, seed=3):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0, 1, (3, 2)), np.zeros((3, 1))
        self.W2, self.b2 = rng.normal(0, 1, (1, 3)), np.zeros((1, 1))
        self.dout, self.adam, self.lr, self.t = dout, adam_root_of_m, lr, 0
        self.m = {k: 0.0 for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.h = np.tanh(self.W1 @ X + self.b1)
        return 1 / (1 + np.exp(-(self.W2 @ self.h + self.b2)))

    def train(self, X, y):
        out = self.forward(X)
        if self.dout == "swapped":
            dout = -(out / y) + (1 - y) / (1 - out)
        elif self.dout == "y_slope":
            dout = (out - y) / (y * (1 - y))
        else:
            dout = -(y / out) + (1 - y) / (1 - out)
        d2 = dout * out * (1 - out) / X.shape[1]
        d1 = (self.W2.T @ d2) * (1 - self.h**2)
        grads = {"W2": d2 @ self.h.T, "b2": d2.sum(1, keepdims=True)}
        grads |= {"W1": d1 @ X.T, "b1": d1.sum(1, keepdims=True)}
        self.t += 1
        for k, g in grads.items():
            if self.adam:
                self.m[k] = 0.9 * self.m[k] + 0.1 * g
                m_hat = self.m[k] / (1 - 0.9**self.t)
                g = m_hat / (np.sqrt(m_hat) + 1e-8)
            setattr(self, k, getattr(self, k) - self.lr * g)


def diagnose(net, epochs=1500):
    with np.errstate(all="ignore"):
        case = xl.adapt(
            net,
            "W1 b1 W2 b2",
            "train",
            X,
            Y,
            predict="forward",
            lr="lr",
            epochs=epochs,
            columns=True,
        )
        return xl.doctor(**case)


@pytest.mark.parametrize("dout", ["swapped", "y_slope"])
def test_a_derivative_that_divides_by_the_targets_is_named_and_verified(dout):
    found = diagnose(ColumnNet(dout))
    assert found.codes == ["edge_targets"], found
    evidence = found.findings[0].evidence
    assert "moved 0.001 inside [0, 1], every weight stays finite" in evidence, evidence
    assert "checked: plain gradient descent" in evidence, evidence


def test_an_optimiser_that_breaks_whatever_the_targets_is_still_the_update_rule():
    found = diagnose(ColumnNet(adam_root_of_m=True))
    assert found.codes == ["not_a_step"], found


def test_the_right_derivative_through_dl_dout_is_healthy():
    net = ColumnNet()
    assert diagnose(net).healthy
    with np.errstate(all="ignore"):  # the diagnosis never touched the caller's object
        for _ in range(1500):
            net.train(X, Y)
    assert np.abs(net.forward(X) - Y).max() < 0.1


# -- the probe's parts, on a stand-in for the adapter's reader ---------------------------------


@pytest.mark.parametrize(
    "y, moved",
    [
        ([[0.0], [1.0]], [[0.001], [0.999]]),
        ([0, 1, 1, 0], [0.001, 0.999, 0.999, 0.001]),  # integer labels, flat
        ([0.0, 0.5], [0.001, 0.5]),  # a 0 alone is enough; the middle stays
        ([0.25, 1.0], [0.25 * 0.998 + 0.001, 0.999]),
        ([0.5, 0.5], None),  # no target at 0 or 1: nothing to move
        ([-1.0, 1.0], None),  # -1/+1 targets: no BCE of them
        ([0.0, 1.5], None),
    ],
)
def test_targets_at_0_or_1_are_moved_a_thousandth_inside(y, moved):
    got = probe.inside(np.array(y))
    if moved is None:
        assert got is None
    else:
        np.testing.assert_allclose(got, moved, rtol=0, atol=1e-12)


class Reader:
    """The parts of the adapter's reader the probe uses: `obj` (a dict holding one weight),
    `Xr`, `yr` and `_train(twin, X, y, lr)` running `epoch(twin, y)`."""

    def __init__(self, epoch, y=((0.0,), (1.0,))):
        self.obj, self.Xr, self.yr = {"w": np.ones(2)}, np.zeros((2, 1)), np.array(y)
        self.epoch = epoch

    def _train(self, twin, X, y, lr):
        self.epoch(twin, y)
        return twin

    def _read(self, twin):
        return {"w": twin["w"].copy()}


def divides(twin, y):  # in place, as `w -= lr * g` would: 0 * inf at a target of 0
    with np.errstate(all="ignore"):
        twin["w"] *= 1 + 0 * np.sum(1 / y)


def test_the_edge_is_the_targets_when_moving_them_inside_keeps_the_run_finite():
    assert probe._edge(Reader(divides))
    assert not probe._edge(Reader(divides, y=((-1.0,), (1.0,))))  # not targets it can move


def test_code_that_refuses_the_moved_targets_tells_nothing():
    def refuses(twin, y):
        raise IndexError("labels index a one-hot table")

    assert not probe._edge(Reader(refuses))


def test_the_first_epochs_run_on_a_copy_and_count_from_1():
    def breaks(twin, y):
        twin["w"] *= np.nan

    reader = Reader(breaks)
    with np.errstate(all="ignore"):
        broken, ends = probe._breaks(reader, 0.0)
    assert broken == 1 and len(ends) == probe.BROKEN_EPOCHS
    np.testing.assert_array_equal(reader.obj["w"], np.ones(2))  # the reader's object is kept
