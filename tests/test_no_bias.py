"""Tests for xorlab.cases.no_bias (the 1-1-1 chain's reachable outputs) and its self-checks."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import xorlab as xl  # noqa: E402
from xorlab.cases import no_bias as R  # noqa: E402


def test_chain_matches_mlp_with_and_without_bias():
    X, y = xl.identity()
    for bias in (True, False):
        net = xl.MLP((1, 1, 1), loss="mse", bias=bias, init="normal", seed=3)
        if bias:
            net.params["b1"][:] = 0.3
            net.params["b2"][:] = -0.7
        params = {k: float(v.ravel()[0]) for k, v in net.params.items()}
        np.testing.assert_allclose(R.chain_forward(params, X[:, 0]), net.forward(X)[:, 0])
        loss, grads = R.chain_loss_and_grads(params, X, y)
        assert loss == pytest.approx(net.loss(X, y), rel=1e-12)
        for k, g in net.gradients(X, y).items():
            assert grads[k] == pytest.approx(float(g.ravel()[0]), rel=1e-10, abs=1e-14)


def test_output_bias_only_gradient_passes_gradcheck():
    X, y = xl.identity()
    params = {"W1": np.array([0.8]), "W2": np.array([-1.3]), "b2": np.array([0.4])}
    report = xl.check_gradients(
        lambda p: float(R.chain_loss_and_grads(p, X, y)[0][0]),
        lambda p: R.chain_loss_and_grads(p, X, y)[1],
        params,
    )
    assert report.passed


def test_train_chains_equals_train_many():
    X, y = xl.identity()
    for biases, bias in (((1, 2), True), ((), False)):
        params, loss, success = R.train_chains(20, biases=biases, lr=5.0, epochs=200)
        many = xl.train_many(
            20, sizes=(1, 1, 1), loss="mse", lr=5.0, epochs=200, bias=bias, X=X, y=y
        )
        for k, v in params.items():
            np.testing.assert_allclose(v, many.params[k].reshape(20), atol=1e-12)
        np.testing.assert_allclose(loss, many.final_loss, atol=1e-14)
        np.testing.assert_array_equal(success, many.success)


def test_bias_free_chain_never_beats_the_bound():
    f0, f1 = R.reachable_grid(limit=15.0, steps=121)
    loss = R.identity_loss(f0, f1)
    assert loss.min() >= R.NO_BIAS_BOUND
    assert np.all((f0 - 0.5) * (f1 - 0.5) >= 0)  # same side of 1/2, always
    best, where = R.best_on_grid(limit=30.0, steps=61)
    assert R.NO_BIAS_BOUND <= best < R.NO_BIAS_BOUND + 1e-4
    assert where["w2"] < 0 and where["w1"] < 0


def test_biases_reach_the_target():
    best, where = R.best_on_grid(limit=10.0, steps=21, bias=True)
    assert best < 1e-3
    assert set(where) == {"w1", "b1", "w2", "b2"}
    _, loss, success = R.train_chains(50, biases=(2,), lr=5.0, epochs=800)
    assert success.all() and loss.max() < 0.01
    _, loss, success = R.train_chains(50, biases=(1,), lr=5.0, epochs=800)
    assert not success.any() and loss.min() >= R.NO_BIAS_BOUND


def test_representable_rule_agrees_with_the_grid():
    f0, f1 = R.reachable_grid(limit=8.0, steps=81)
    inside = (f0 > 1e-6) & (f0 < 1 - 1e-6) & (f1 > 1e-6) & (f1 < 1 - 1e-6)
    assert R.representable(f0[inside], f1[inside]).all()
    assert not R.representable(0.1, 0.9)
    assert not R.representable(0.7, 0.95)  # same side, but logit ratio above 2
    assert R.representable(0.1, 0.9, bias=True)
    for f0, f1 in R.QUIZ_PAIRS.values():
        w = R.no_bias_weights(f0, f1)
        assert (w is None) == (not R.representable(f0, f1))
        if w is not None:
            got = R.identity_outputs(w[0], w[1])
            np.testing.assert_allclose(got, (f0, f1), atol=1e-12)
    with pytest.raises(ValueError, match="strictly between"):
        R.representable(0.0, 0.5)


def test_no_bias_region_edges():
    f0, lower, upper = R.no_bias_region(50)
    assert np.all(lower <= upper)
    assert np.all((lower == 0.5) | (upper == 0.5))
    assert R.representable(f0, 0.5 * (lower + upper)).all()


def test_line_segment_through_origin_and_elsewhere():
    (a, b) = R.line_segment([1.0, -1.0])
    assert a == pytest.approx((-0.5, -0.5)) and b == pytest.approx((1.5, 1.5))
    seg = R.line_segment([1.0, 1.0], b=-1.5)
    assert seg[0] == pytest.approx((0.0, 1.5)) and seg[1] == pytest.approx((1.5, 0.0))
    assert R.line_segment([1.0, 0.0], b=-5.0) is None
    with pytest.raises(ValueError, match="non-zero"):
        R.line_segment([0.0, 0.0])


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="missing W2"):
        R.chain_forward({"W1": 1.0}, [0.0])
    with pytest.raises(ValueError, match="unknown parameter"):
        R.chain_forward({"W1": 1.0, "W2": 1.0, "w3": 1.0}, [0.0])
    with pytest.raises(ValueError, match="biases"):
        R.train_chains(3, biases=(3,))
    with pytest.raises(ValueError, match="steps"):
        R.parameter_grid(steps=1)


def test_figures_draw():
    ax = R.draw_reachable(w1=1.0, w2=2.0, bias=True, b1=0.5, b2=-1.0)
    assert "loss" in ax.get_title()
    fig = R.frame_w2(-3.0)
    assert fig.axes
    ax = R.plot_unit_lines(np.array([[1.0, -2.0], [1.0, 1.0]]))
    assert len(ax.lines) == 2
    plt.close("all")
