"""Dead ReLU units, activation patterns and linearity (xorlab.core.units), the explorer of
"Stuck at 0.5", and that chapter's self-checks."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import xorlab as xl  # noqa: E402
from xorlab.core import units as diagnose  # noqa: E402

X, Y = xl.xor()


def relu_net(W1, W2, b1=None, b2=None):
    """A 2-h-1 ReLU MLP with the given parameters (biases only if b1 is given)."""
    W1 = np.array(W1, float)
    net = xl.MLP((2, W1.shape[1], 1), hidden="relu", bias=b1 is not None)
    net.params["W1"], net.params["W2"] = W1, np.array(W2, float)
    if b1 is not None:
        net.params["b1"], net.params["b2"] = np.array(b1, float), np.array(b2, float)
    return net


def test_pattern_and_dead_units_of_a_hand_made_net():
    # unit 1 fires on x1, unit 2 has both weights negative (dead), unit 3 fires on both inputs
    net = relu_net([[1.0, -1.0, 0.5], [-2.0, -0.5, 0.5]], [[1.0], [1.0], [1.0]])
    pattern = diagnose.activation_pattern(net, X)
    z = X @ net.params["W1"]
    assert pattern.shape == (4, 3) and pattern.dtype == bool
    assert np.array_equal(pattern, z > 0)
    assert diagnose.dead_units(net, X).tolist() == [False, True, False]
    assert diagnose.dead_fraction(net, X) == pytest.approx(1 / 3)
    # unit 1 is active on (1, 0) only, so the net is not linear on XOR's inputs
    assert not diagnose.linear_on_data(net, X)


def test_a_dead_unit_gets_no_gradient_and_stays_dead():
    net = relu_net([[1.0, -1.0], [1.0, -0.5]], [[1.0], [1.0]], b1=[0.0, -0.1], b2=[0.0])
    assert diagnose.dead_units(net, X).tolist() == [False, True]
    g = net.gradients(X, Y)
    assert np.all(g["W1"][:, 1] == 0) and g["b1"][1] == 0 and g["W2"][1, 0] == 0
    assert np.any(g["W1"][:, 0] != 0)
    result = xl.train_many(200, (2, 4, 1), "relu", lr=0.5, epochs=300, init="normal", seed=3)
    before = diagnose.dead_units(result, initial=True)
    after = diagnose.dead_units(result)
    assert before.any() and np.all(after[before])  # dead at the start: dead at the end


def test_linear_nets_compute_a_linear_model_on_the_data():
    rng = np.random.default_rng(0)
    # all-positive weights, no bias, non-negative inputs: every ReLU is the identity
    net = xl.MLP((2, 5, 1), hidden="relu", init="uniform01", bias=False, seed=4)
    assert diagnose.linear_on_data(net, X)
    v = net.params["W1"] @ net.params["W2"]
    assert np.allclose(net.forward(X), 1 / (1 + np.exp(-(X @ v))))
    # a dead unit acts as 0, so a net of identity units and dead units is still linear
    W1 = np.column_stack([rng.random((2, 3)), -rng.random((2, 2))])
    net = relu_net(W1, rng.standard_normal((5, 1)))
    assert diagnose.linear_on_data(net, X)
    v = W1[:, :3] @ net.params["W2"][:3]
    assert np.allclose(net.forward(X), 1 / (1 + np.exp(-(X @ v))))
    # a solution of XOR is not linear: no line separates XOR
    xor_net = relu_net([[1.0, 1.0], [1.0, 1.0]], [[2.0], [-4.0]], b1=[0.0, -1.0], b2=[-1.0])
    assert np.array_equal(xor_net.predict(X), Y)
    assert not diagnose.linear_on_data(xor_net, X)


def test_stacks_agree_with_single_networks():
    result = xl.train_many(6, (2, 3, 1), "relu", lr=0.5, epochs=50, init="he", seed=11)
    pattern = diagnose.activation_pattern(result)
    assert pattern.shape == (6, 4, 3)
    assert diagnose.dead_units(result).shape == (6, 3)
    assert diagnose.linear_on_data(result).shape == (6,)
    assert np.array_equal(diagnose.activation_pattern(result.params, X), pattern)
    for i in range(6):
        net, start = result.network(i), result.network(i, initial=True)
        assert np.array_equal(diagnose.activation_pattern(net, X), pattern[i])
        assert np.array_equal(
            diagnose.activation_pattern(start, X),
            diagnose.activation_pattern(result, X, initial=True)[i],
        )
        assert diagnose.linear_on_data(net, X) == diagnose.linear_on_data(result)[i]
    everything = np.concatenate([diagnose.dead_units(result.network(i), X) for i in range(6)])
    assert diagnose.dead_fraction(result) == pytest.approx(everything.mean())


def test_unit_stats_before_and_after_training():
    result = xl.train_many(
        300,
        (2, 10, 1),
        "relu",
        lr=0.4,
        epochs=100,
        init="uniform01",
        bias=False,
        seed=0,
        faults=("sigmoid_derivative_of_output",),
    )
    stats = diagnose.unit_stats(result)
    assert stats.dead_at_init == 0.0 and stats.linear_at_init == 1.0
    assert stats.dead_after == pytest.approx(diagnose.dead_fraction(result))
    assert stats.dead_after > 0.5  # the derivative bug's giant first step kills most units
    # symmetric initialisation without biases: a unit is dead iff both weights are <= 0
    normal = xl.train_many(2000, (2, 5, 1), "relu", epochs=0, init="normal", bias=False)
    share = diagnose.unit_stats(normal).dead_at_init
    assert abs(share - 0.25) < 4 * np.sqrt(0.25 * 0.75 / 10000)


def test_deeper_layers_are_checked_too():
    net = xl.MLP((2, 3, 2, 1), hidden="relu", init="uniform01", bias=False, seed=1)
    assert diagnose.linear_on_data(net, X)
    net.params["W2"][:, 0] = [1.0, -1.0, 0.0]  # a second-layer unit now changes sign on X
    z2 = np.maximum(X @ net.params["W1"], 0) @ net.params["W2"]
    assert (z2[:, 0] > 0).any() and (z2[:, 0] < 0).any()
    assert not diagnose.linear_on_data(net, X)
    assert np.array_equal(diagnose.activation_pattern(net, X, layer=2), z2 > 0)


@pytest.mark.parametrize("data, best", [(xl.xor(), 0.75), (xl.and_(), 1.0), (xl.or_(), 1.0)])
def test_best_linear_accuracy_on_the_gates(data, best):
    assert diagnose.best_linear_accuracy(*data) == best


def test_best_linear_accuracy_is_never_beaten_by_random_lines():
    rng = np.random.default_rng(5)
    for _ in range(20):
        Xr = rng.standard_normal((7, 2))
        yr = rng.integers(0, 2, (7, 1)).astype(float)
        exact = diagnose.best_linear_accuracy(Xr, yr)
        w, c = rng.standard_normal((2, 5000)), rng.standard_normal(5000)
        sampled = ((Xr @ w + c > 0) == (yr > 0.5)).mean(axis=0).max()
        assert sampled <= exact + 1e-12 and exact - sampled <= 1 / 7 + 1e-12
    w = rng.standard_normal(2)
    Xr = rng.standard_normal((12, 2))
    assert diagnose.best_linear_accuracy(Xr, (Xr @ w > 0.1)[:, None].astype(float)) == 1.0


def test_bad_input_gets_clear_errors():
    sig = xl.MLP((2, 2, 1))
    with pytest.raises(ValueError, match="ReLU"):
        diagnose.dead_units(sig, X)
    with pytest.raises(TypeError, match="MLP, a ManyResult or a params dict"):
        diagnose.dead_units([1, 2], X)
    with pytest.raises(ValueError, match="first axis"):
        diagnose.dead_units({"W1": np.ones((2, 2))}, X)
    relu = xl.MLP((2, 2, 1), hidden="relu")
    with pytest.raises(ValueError, match="initial=True needs a ManyResult"):
        diagnose.dead_units(relu, X, initial=True)
    with pytest.raises(ValueError, match="layer must be between 1 and 1"):
        diagnose.activation_pattern(relu, X, layer=2)
    with pytest.raises(ValueError, match="X must have 2 column"):
        diagnose.dead_units(relu, np.ones((4, 3)))
    with pytest.raises(ValueError, match="no hidden layer"):
        diagnose.dead_units(xl.MLP((2, 1), hidden="relu"), X)
    with pytest.raises(TypeError, match="ManyResult"):
        diagnose.unit_stats(relu)
    with pytest.raises(ValueError, match="y must have 1 column"):
        diagnose.best_linear_accuracy(X, np.ones((4, 2)))


def test_draw_hidden_units_marks_dead_units():
    fig = xl.widgets.draw_hidden_units(faults=("sigmoid_derivative_of_output",), epochs=20)
    left, right = fig.axes[:2]
    assert left.get_title() == "10 of 10 units dead"
    assert sum(line.get_linestyle() == "--" for line in left.lines) == 10
    assert right.get_title().startswith("outputs 0.50")
    plt.close(fig)
    fig = xl.widgets.draw_hidden_units(units=3, init="he", bias=True, epochs=20, seed=2)
    assert fig.axes[0].get_title().endswith("of 3 units dead")
    plt.close(fig)


def test_hidden_units_explorer_builds():
    pytest.importorskip("ipywidgets")
    ui = xl.widgets.hidden_units_explorer()
    names = {c.description for c in ui.children[:-1]}
    assert {"biases", "sigmoid' at output", "forward-only leak", "units", "init"} <= names
    plt.close("all")


def test_stuck_at_half_self_checks():
    c = xl.checks
    assert c.check_no_bias_floor(np.log(2) / 4)
    assert "the loss is a mean" in c.check_no_bias_floor(np.log(2)).message
    assert "output" in c.check_no_bias_floor(0.5).message
    assert not c.check_no_bias_floor("a lot")
    assert c.check_dead_at_init(0.25)
    assert "one negative weight" in c.check_dead_at_init(0.5).message
    assert "U[0, 1)" in c.check_dead_at_init(0).message

    def sig(z):
        return 1 / (1 + np.exp(-z))

    assert c.check_output_delta(lambda z, y: (sig(z) - y) / len(z))

    def dl_dp(p, y):  # BCE's dL/dp written out: the exercise refuses calls to xl.bce_grad
        return (p - y) / (p * (1 - p)) / len(p)

    at_p = c.check_output_delta(lambda z, y: dl_dp(sig(z), y) * sig(sig(z)) * sig(-sig(z)))
    assert not at_p and "slope at the output p" in at_p.message
    assert "n times" in c.check_output_delta(lambda z, y: sig(z) - y).message
    assert "sign" in c.check_output_delta(lambda z, y: (y - sig(z)) / len(z)).message
    assert "raised" in c.check_output_delta(lambda z, y: z @ z).message
