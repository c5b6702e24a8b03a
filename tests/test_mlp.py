"""The network: shapes, initialisations, forward pass, backward pass, faults."""

import dataclasses

import numpy as np
import pytest

import xorlab as xl
from xorlab.core import mlp


def test_param_shapes_and_keys():
    net = xl.MLP((2, 3, 4, 1))
    assert list(net.params) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert net.params["W2"].shape == (3, 4) and net.params["b3"].shape == (1,)
    assert list(xl.MLP((2, 3, 1), bias=False).params) == ["W1", "W2"]


def test_initialisations():
    big = (200, 300, 1)
    w = {i: xl.MLP(big, init=i, seed=1).params["W1"] for i in xl.INITS}
    assert w["uniform01"].min() >= 0 and w["uniform01"].max() < 1
    assert w["normal"].std() == pytest.approx(1.0, rel=0.05)
    assert w["xavier"].std() == pytest.approx(np.sqrt(2 / 500), rel=0.05)
    assert w["he"].std() == pytest.approx(np.sqrt(2 / 200), rel=0.05)
    assert not w["zeros"].any()
    scaled = xl.MLP(big, init="normal", init_scale=0.01, seed=1).params["W1"]
    assert np.allclose(scaled, 0.01 * w["normal"])
    assert not xl.MLP(big, seed=1).params["b1"].any()


def test_seed_reproducible_and_distinct():
    a, b, c = (xl.MLP((2, 2, 1), seed=s).params["W1"] for s in (5, 5, 6))
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_forward_matches_plain_numpy():
    net = xl.MLP((2, 3, 1), hidden="tanh", seed=3)
    X, _ = xl.xor()
    P = net.params
    h = np.tanh(X @ P["W1"] + P["b1"])
    p = 1 / (1 + np.exp(-(h @ P["W2"] + P["b2"])))
    assert np.allclose(net.forward(X), p, atol=1e-14)
    assert np.array_equal(net.predict(X), (p > 0.5).astype(float))


def test_layers_exposes_every_layer():
    net = xl.MLP((2, 3, 2, 1), hidden="relu")
    X, _ = xl.xor()
    zs, acts = net.layers(X)
    assert [z.shape for z in zs] == [(4, 3), (4, 2), (4, 1)]
    assert np.array_equal(acts[0], X) and np.allclose(acts[-1], net.forward(X))
    assert np.allclose(acts[1], np.maximum(zs[0], 0))


def test_gradients_match_hand_derivation():
    net = xl.MLP((2, 2, 1), seed=4)
    X, y = xl.xor()
    P = net.params
    a1 = 1 / (1 + np.exp(-(X @ P["W1"] + P["b1"])))
    p = 1 / (1 + np.exp(-(a1 @ P["W2"] + P["b2"])))
    d2 = (p - y) / 4
    d1 = (d2 @ P["W2"].T) * a1 * (1 - a1)
    g = net.gradients(X, y)
    assert np.allclose(g["W2"], a1.T @ d2) and np.allclose(g["b2"], d2.sum(0))
    assert np.allclose(g["W1"], X.T @ d1) and np.allclose(g["b1"], d1.sum(0))


def test_loss_stays_exact_when_saturated():
    net = xl.MLP((2, 2, 1), init="normal", init_scale=200, seed=0)
    X, y = xl.xor()
    assert np.isfinite(net.loss(X, y)) and net.loss(X, y) > 30
    assert all(np.all(np.isfinite(g)) for g in net.gradients(X, y).values())


def test_bce_through_a_saturated_sigmoid_uses_the_losss_closed_form():
    assert xl.LOSSES["bce"].through_sigmoid is xl.sigmoid_bce_delta
    assert xl.LOSSES["mse"].through_sigmoid is None
    net = xl.MLP((2, 1))
    net.params["W1"] = np.array([[60.0], [60.0]])  # p == 1.0 exactly off (0, 0)
    X, y = xl.xor()
    p = 1 / (1 + np.exp(-(X @ net.params["W1"])))
    assert np.array_equal(p[1:], np.ones((3, 1)))
    want = X.T @ ((p - y) / 4)  # (p - y) / n, though p (1 - p) rounds to 0
    assert np.allclose(net.gradients(X, y)["W1"], want, rtol=1e-12) and want[0, 0] > 0.2
    # a loss gradient given as a plain function has no closed form: dL/dp times p (1 - p)
    spec = net.spec
    steps = {**mlp.steps_of(spec), "loss_grad": lambda bp: xl.bce_grad(bp.p, bp.y)}
    stacked = {k: v[..., None] for k, v in net.params.items()}
    zs, acts = mlp.forward(stacked, X, spec)
    plain = mlp.backward(stacked, zs, acts, y, spec, steps)["W1"][..., 0]
    assert not plain.any()  # p (1 - p) is 0 where p == 1, and x = (0, 0) adds nothing to W1


def test_copy_is_independent():
    net = xl.MLP((2, 2, 1))
    twin = net.copy()
    twin.params["W1"] += 1
    assert not np.allclose(net.params["W1"], twin.params["W1"])
    assert twin.spec == net.spec


def test_every_fault_changes_the_gradient_it_names():
    X, y = xl.xor()
    settings = {
        "flipped_bce_grad": {},
        "sigmoid_derivative_of_output": {},
        "missing_output_derivative": {},
        "sigmoid_derivative_for_tanh": {"hidden": "tanh"},
        "cost_as_gradient": {"loss": "mse"},
        "flipped_update_sign": {},
    }
    for name, fault in xl.FAULTS.items():
        if name == "leak_forward_only":
            continue  # a 1e-5-sized error by design: see the next test
        kw = {"seed": 2, **settings.get(name, {})}
        sizes = (2, 2, 1) if fault.needs_hidden_as_wide_as_input else (2, 3, 1)
        good = xl.MLP(sizes, **kw)
        bad = xl.MLP(sizes, faults=(name,), **kw)
        assert fault.description and fault.chapter
        assert not xl.gradcheck(bad, X, y).passed, name
        assert xl.gradcheck(good, X, y).passed, name


def test_leak_forward_only_drops_the_leak_in_the_gradient():
    X, y = xl.xor()
    kw = {"hidden": "relu", "seed": 0}
    bad = xl.MLP((2, 2, 1), faults=("leak_forward_only",), **kw)
    bad.params["W1"] = np.array([[-1.0, 1.0], [-1.0, 1.0]])
    bad.params["b1"] = np.array([-0.5, 0.5])  # unit 1 is negative on every input
    report = xl.gradcheck(bad, X, y, tol=1e-12)
    analytic, numeric = report["W1"].analytic[:, 0], report["W1"].numeric[:, 0]
    assert np.all(analytic == 0) and np.all(np.abs(numeric) > 1e-7)
    assert np.all(np.abs(numeric) < 1e-4)  # the leak is tiny: 1e-5 of the active slope
    assert bad.layers(X)[1][1][0, 0] == pytest.approx(-0.5e-5)  # forward pass leaks


def test_flipped_update_sign_negates_everything():
    X, y = xl.xor()
    good, bad = xl.MLP((2, 2, 1)), xl.MLP((2, 2, 1), faults=("flipped_update_sign",))
    g, b = good.gradients(X, y), bad.gradients(X, y)
    assert all(np.allclose(g[k], -b[k]) for k in g)


def test_sigmoid_derivative_for_tanh_is_harmless_for_sigmoid():
    X, y = xl.xor()
    good = xl.MLP((2, 2, 1)).gradients(X, y)
    same = xl.MLP((2, 2, 1), faults=("sigmoid_derivative_for_tanh",)).gradients(X, y)
    assert all(np.allclose(good[k], same[k]) for k in good)


def test_flipped_bce_grad_makes_training_climb():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), init="normal", init_scale=0.01, faults=("flipped_bce_grad",))
    history = xl.train(net, X, y, lr=0.1, epochs=200)
    assert history.loss[-1] > history.loss[0]
    assert np.all(np.diff(history.loss) > 0)


def test_faults_combine():
    X, y = xl.xor()
    both = xl.MLP((2, 2, 1), faults=("flipped_bce_grad", "sigmoid_derivative_of_output"))
    one = xl.MLP((2, 2, 1), faults=("flipped_bce_grad",))
    assert not np.allclose(both.gradients(X, y)["W2"], one.gradients(X, y)["W2"])


def test_default_parameters_are_xavier_draws_from_seed_0():
    rng = np.random.default_rng(0)  # layer by layer, std sqrt(2 / (fan_in + fan_out))
    W1 = np.sqrt(2 / 4) * rng.standard_normal((2, 2))
    W2 = np.sqrt(2 / 3) * rng.standard_normal((2, 1))
    for params in (xl.init_params((2, 2, 1)), xl.MLP((2, 2, 1)).params):
        assert list(params) == ["W1", "b1", "W2", "b2"]
        assert np.allclose(params["W1"], W1, rtol=1e-15, atol=0)
        assert np.allclose(params["W2"], W2, rtol=1e-15, atol=0)
        assert params["b1"].tolist() == [0.0, 0.0] and params["b2"].tolist() == [0.0]


def test_loss_of_a_deeper_network_matches_plain_numpy():
    X, y = xl.xor()
    net = xl.MLP((2, 3, 2, 1), seed=2)
    P = net.params
    a1 = 1 / (1 + np.exp(-(X @ P["W1"] + P["b1"])))
    a2 = 1 / (1 + np.exp(-(a1 @ P["W2"] + P["b2"])))
    p = 1 / (1 + np.exp(-(a2 @ P["W3"] + P["b3"])))
    bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert net.loss(X, y) == pytest.approx(bce, rel=1e-12)


def test_gradients_of_a_deep_relu_network_with_three_outputs_match_plain_numpy():
    # more outputs than inputs, and a leaky ReLU output whose derivative needs its own z
    X, _ = xl.xor()
    Y = np.array([[0.0, 1.0, 0.5], [1.0, 0.0, 2.0], [1.0, 1.0, -1.0], [0.0, 0.0, 0.0]])
    net = xl.MLP((2, 4, 3, 3), hidden="relu", output="leaky_relu", loss="mse", seed=7)
    P = net.params
    z1 = X @ P["W1"] + P["b1"]
    z2 = np.maximum(z1, 0) @ P["W2"] + P["b2"]
    z3 = np.maximum(z2, 0) @ P["W3"] + P["b3"]
    p = np.where(z3 > 0, z3, 0.01 * z3)
    d3 = 2 * (p - Y) / 4 * np.where(z3 > 0, 1.0, 0.01)  # MSE summed over outputs, mean over n
    d2 = (d3 @ P["W3"].T) * (z2 > 0)
    d1 = (d2 @ P["W2"].T) * (z1 > 0)
    g = net.gradients(X, Y)
    assert np.allclose(g["W3"], np.maximum(z2, 0).T @ d3) and np.allclose(g["b3"], d3.sum(0))
    assert np.allclose(g["W2"], np.maximum(z1, 0).T @ d2) and np.allclose(g["b2"], d2.sum(0))
    assert np.allclose(g["W1"], X.T @ d1) and np.allclose(g["b1"], d1.sum(0))


def test_stack_puts_the_networks_on_a_trailing_axis():
    one, two = {"W1": np.array([[1.0, 2.0]])}, {"W1": np.array([[3.0, 4.0]])}
    assert mlp.stack([one, two])["W1"].tolist() == [[[1.0, 3.0], [2.0, 4.0]]]
    assert mlp.stack([one])["W1"].tolist() == [[[1.0], [2.0]]]


def test_a_copy_shares_a_spec_nobody_can_change():
    net = xl.MLP((2, 2, 1))
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'loss'"):
        net.copy().spec.loss = "mse"
    assert net.spec.loss == "bce"


# --- refusals at construction ----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"sizes": (2,)}, ValueError, "sizes"),
        ({"sizes": "221"}, TypeError, "sizes"),
        ({"sizes": (2, 0, 1)}, ValueError, "sizes"),
        ({"sizes": (2, 2.5, 1)}, TypeError, "sizes"),
        ({"hidden": "softplus"}, ValueError, "hidden activation"),
        ({"output": 3}, TypeError, "output activation"),
        ({"loss": "hinge"}, ValueError, "loss"),
        ({"init": "glorot"}, ValueError, "init"),
        ({"init_scale": -1.0}, ValueError, "init_scale"),
        ({"seed": -3}, ValueError, "seed must be a non-negative integer, got -3"),
        ({"seed": 1.5}, TypeError, "seed"),
        ({"bias": "yes"}, TypeError, "bias"),
        ({"faults": ("typo",)}, ValueError, "unknown fault"),
        ({"faults": 5}, TypeError, "faults"),
        ({"faults": ("flipped_bce_grad",), "loss": "mse"}, ValueError, "needs loss='bce'"),
        ({"faults": ("leak_forward_only",)}, ValueError, "needs hidden='relu'"),
        ({"faults": ("missing_output_derivative",), "sizes": (2, 1)}, ValueError, "hidden layer"),
    ],
)
def test_construction_errors(kwargs, error, words):
    kwargs = {"sizes": (2, 2, 1), **kwargs}
    with pytest.raises(error, match=words):
        xl.MLP(**kwargs)


@pytest.mark.parametrize("output", ["tanh", "identity", "relu"])
def test_bce_without_a_sigmoid_output_is_refused(output):
    with pytest.raises(ValueError, match=f"loss='bce' needs output='sigmoid'.*output='{output}'"):
        xl.MLP((2, 2, 1), output=output, loss="bce")
    with pytest.raises(ValueError, match="loss='bce' needs output='sigmoid'"):
        xl.train_many(2, output=output, epochs=1)
