"""The surrogate S of the flipped BCE gradient, its gradient checks, trace, explorer and checks."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import xorlab as xl
from xorlab.core.activations import sigmoid
from xorlab.core.faults import flipped_sigmoid_bce_delta

FLIP = ("flipped_bce_grad",)
softplus = lambda z: np.logaddexp(0.0, z)  # noqa: E731


def random_logits(seed, n=6, k=1):
    rng = np.random.default_rng(seed)
    return rng.normal(0, 3, (n, k)), (rng.random((n, k)) < 0.5).astype(float)


@pytest.mark.parametrize("seed", range(5))
def test_surrogate_gradient_matches_finite_differences(seed):
    z, y = random_logits(seed)
    got = xl.cases.rising_cost.flipped_surrogate_grad(z, y)
    numeric = np.zeros_like(z)
    for i in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[i] += 1e-6
        down[i] -= 1e-6
        numeric[i] = (xl.flipped_surrogate(up, y) - xl.flipped_surrogate(down, y)) / 2e-6
    np.testing.assert_allclose(got, numeric, rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_surrogate_gradient_is_the_faults_output_error(seed):
    z, y = random_logits(seed)
    np.testing.assert_allclose(
        xl.cases.rising_cost.flipped_surrogate_grad(z, y), flipped_sigmoid_bce_delta(sigmoid(z), y)
    )


def test_surrogate_is_positive_bce_minus_negative_bce():
    z, y = random_logits(0, n=8)
    p = sigmoid(z)
    want = np.mean(-y * np.log(p) + (1 - y) * np.log(1 - p))
    assert xl.flipped_surrogate(z, y) == pytest.approx(want, rel=1e-10)
    pos = y[:, 0] == 1
    bce_pos = np.sum(softplus(-z[pos])) / len(z)
    bce_neg = np.sum(softplus(z[~pos])) / len(z)
    assert xl.flipped_surrogate(z, y) == pytest.approx(bce_pos - bce_neg)


def test_surrogate_has_no_minimum_and_is_exact_far_out():
    y = np.array([[0.0], [1.0]])
    values = [xl.flipped_surrogate(np.full((2, 1), c), y) for c in (0.0, 10.0, 100.0, 1000.0)]
    assert np.all(np.diff(values) < 0)
    assert values[-1] == pytest.approx(-1000.0 / 2, rel=1e-6)
    assert np.isfinite(values[-1])


@pytest.mark.parametrize("seed", range(4))
def test_flipped_backward_pass_is_exact_gradient_of_surrogate(seed):
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=seed, faults=FLIP)
    xl.train(net, X, y, 0.5, 10 * seed)
    assert xl.gradcheck_surrogate(net, X, y).passed
    assert not xl.gradcheck(net, X, y).passed


def test_correct_net_fails_surrogate_check():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=0)
    assert xl.gradcheck(net, X, y).passed
    assert not xl.gradcheck_surrogate(net, X, y).passed


def test_surrogate_loss_uses_network_logits():
    X, y = xl.or_()
    net = xl.MLP((2, 3, 1), seed=1)
    zs, _ = net.layers(X)
    assert xl.surrogate_loss(net, X, y) == xl.flipped_surrogate(zs[-1], y)


def test_agreement_trace_trains_like_train_and_turns_negative():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=0, faults=FLIP)
    twin = net.copy()
    epochs, cosine, ratio = xl.cases.rising_cost.agreement_trace(net, X, y, 0.1, 80, every=8)
    xl.train(twin, X, y, 0.1, 80)
    for k in net.params:
        np.testing.assert_allclose(net.params[k], twin.params[k])
    assert epochs.tolist() == list(range(0, 81, 8))
    assert set(cosine) == set(net.params) and cosine["W1"].shape == (11,)
    assert all(c[-1] < -0.99 for c in cosine.values())
    assert all(abs(r[-1] - 1) < 0.05 for r in ratio.values())


def test_agreement_trace_of_correct_net_stays_aligned():
    X, y = xl.xor()
    _, cosine, ratio = xl.cases.rising_cost.agreement_trace(
        xl.MLP((2, 2, 1), seed=2), X, y, 0.5, 20, 5
    )
    for k in cosine:
        np.testing.assert_allclose(cosine[k], 1, atol=1e-6)
        np.testing.assert_allclose(ratio[k], 1, atol=1e-4)


def test_bad_input_is_named():
    X, y = xl.xor()
    with pytest.raises(ValueError, match="shape"):
        xl.flipped_surrogate(np.zeros((4, 1)), np.zeros((3, 1)))
    with pytest.raises(ValueError, match="sigmoid output"):
        xl.surrogate_loss(xl.MLP((2, 2, 1), loss="mse"), X, y)
    with pytest.raises(TypeError, match="MLP"):
        xl.gradcheck_surrogate("net", X, y)
    with pytest.raises(ValueError, match="labels"):
        xl.cases.rising_cost.draw_rising_cost(labels="nand")
    with pytest.raises(ValueError, match="lr"):
        xl.cases.rising_cost.agreement_trace(xl.MLP((2, 2, 1)), X, y, -1.0, 5)


@pytest.mark.parametrize("fault", [True, False])
def test_draw_rising_cost_draws_curve_and_boundary(fault):
    fig = xl.cases.rising_cost.draw_rising_cost(fault=fault, lr=0.5, labels="or", epochs=20)
    curve = fig.axes[0].lines[0].get_ydata()
    assert len(curve) == 21
    assert (curve[-1] > curve[0]) == fault
    plt.close(fig)


def test_explorer_builds():
    ipywidgets = pytest.importorskip("ipywidgets")
    widget = xl.cases.rising_cost.rising_cost_explorer()
    assert isinstance(widget, ipywidgets.interactive)
    plt.close("all")
