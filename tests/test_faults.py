"""Faults as replacements of named steps of one correct backward pass (xorlab.core.faults).

Each fault's gradient is compared with a plain-numpy formula written out here for a small
network, not with xorlab's own steps.
"""

import re
from pathlib import Path

import numpy as np
import pytest

import xorlab as xl
from xorlab.core import steps

CODE = Path(xl.__file__).parent
X, Y = xl.xor()


def sig(z):
    return 1 / (1 + np.exp(-z))


def test_steps_are_the_published_names_each_with_a_docstring():
    # the live explorers (JavaScript) mirror these names: changing them breaks parity
    assert steps.STEPS == (
        "hidden_activation",
        "loss_grad",
        "output_delta",
        "sent_back",
        "hidden_derivative",
        "weight_input",
        "gradient_sign",
    )
    assert all(len(steps.STEP_DOCS[s]) > 40 for s in steps.STEPS)


def test_the_correct_pass_has_one_documented_function_per_step_in_order():
    assert tuple(steps.CORRECT_STEPS) == steps.STEPS
    functions = steps.CORRECT_STEPS.values()
    assert all(len(getattr(fn, "grad", fn).__doc__) > 20 for fn in functions)


def test_every_fault_replaces_named_steps_with_documented_functions():
    for name, fault in xl.FAULTS.items():
        assert fault.replaces, name
        assert set(fault.replaces) <= set(steps.STEPS), name
        docs = [getattr(fn, "grad", fn).__doc__ for fn in fault.replaces.values()]
        assert all(doc and len(doc) > 20 for doc in docs), name


def test_no_fault_name_inside_the_maths():
    maths = (
        "core/steps.py",
        "core/mlp.py",
        "core/gradcheck.py",
        "core/batched.py",
        "core/train.py",
    )
    for module in maths:
        text = (CODE / module).read_text()
        found = [n for n in xl.FAULTS if re.search(rf"\b{n}\b", text)]
        assert not found, (module, found)


@pytest.mark.parametrize(
    ("pair", "step"),
    [
        (("input_activation_derivative", "sigmoid_derivative_of_output"), "output_delta"),
        (("flipped_bce_grad", "cost_as_gradient"), "loss_grad"),
        (("input_activation_derivative", "sigmoid_derivative_for_tanh"), "hidden_derivative"),
        (("input_activation_derivative", "missing_output_derivative"), "sent_back"),
    ],
)
def test_two_faults_on_one_step_are_refused_naming_both(pair, step):
    a, b = sorted(pair)
    with pytest.raises(ValueError, match=rf"faults '{a}' and '{b}' both replace the step '{step}'"):
        xl.MLP((2, 2, 1), faults=pair)
    with pytest.raises(ValueError, match="both replace"):
        xl.train_many(2, faults=pair, epochs=1)


def test_unknown_fault_named():
    with pytest.raises(ValueError, match=r"unknown fault 'flipped'; choose from \["):
        xl.MLP((2, 2, 1), faults=("flipped",))
    with pytest.raises(TypeError, match="faults must be a sequence of fault names, got 3"):
        xl.MLP((2, 2, 1), faults=3)


def two_layer(net):
    """Plain-numpy forward pass of a 2-h-1 sigmoid net: h, p."""
    P = net.params
    h = sig(X @ P["W1"] + P["b1"])
    return h, sig(h @ P["W2"] + P["b2"])


def test_flipped_bce_grad_equals_its_formula_through_a_sigmoid():
    net = xl.MLP((2, 2, 1), seed=4, faults=("flipped_bce_grad",))
    h, p = two_layer(net)
    d2 = (-Y * (1 - p) - (1 - Y) * p) / 4  # (-y/p - (1-y)/(1-p)) * p (1 - p) / n
    g = net.gradients(X, Y)
    assert np.allclose(g["W2"], h.T @ d2, rtol=1e-12)
    d1 = (d2 @ net.params["W2"].T) * h * (1 - h)
    assert np.allclose(g["W1"], X.T @ d1, rtol=1e-12)


def test_flipped_bce_grad_stays_exact_where_the_sigmoid_saturates():
    net = xl.MLP((2, 1), faults=("flipped_bce_grad",))
    net.params["W1"] = np.array([[60.0], [60.0]])  # p == 1.0 exactly in float64 off (0, 0)
    g = net.gradients(X, Y)
    p = sig(X @ net.params["W1"])
    expected = X.T @ ((-Y * (1 - p) - (1 - Y) * p) / 4)
    assert np.allclose(g["W1"], expected, rtol=1e-12) and expected[0, 0] < -0.2


def test_faults_on_different_steps_compose():
    # loss_grad replaced by the flipped BCE, output_delta by sigma'(p): their product
    net = xl.MLP((2, 1), seed=1, faults=("flipped_bce_grad", "sigmoid_derivative_of_output"))
    p = sig(X @ net.params["W1"] + net.params["b1"])
    dl_dp = (-Y / p - (1 - Y) / (1 - p)) / 4
    delta = dl_dp * sig(p) * (1 - sig(p))
    g = net.gradients(X, Y)
    assert np.allclose(g["W1"], X.T @ delta, rtol=1e-12)
    assert np.allclose(g["b1"], delta.sum(axis=0), rtol=1e-12)


def test_cost_as_gradient_with_mse():
    net = xl.MLP((2, 2, 1), loss="mse", seed=3, faults=("cost_as_gradient",))
    h, p = two_layer(net)
    d2 = (p - Y) ** 2 / 4 * p * (1 - p)  # the cost where 2 (p - y) belongs
    assert np.allclose(net.gradients(X, Y)["W2"], h.T @ d2, rtol=1e-12)


def test_missing_output_derivative_sends_dl_dp_back():
    net = xl.MLP((2, 2, 1), loss="mse", seed=5, faults=("missing_output_derivative",))
    h, p = two_layer(net)
    dl_dp = 2 * (p - Y) / 4
    g = net.gradients(X, Y)
    assert np.allclose(g["W2"], h.T @ (dl_dp * p * (1 - p)), rtol=1e-12)  # top layer right
    d1 = (dl_dp @ net.params["W2"].T) * h * (1 - h)
    assert np.allclose(g["W1"], X.T @ d1, rtol=1e-12)
    assert np.allclose(g["b1"], d1.sum(axis=0), rtol=1e-12)


def test_sigmoid_derivative_for_tanh_uses_h_one_minus_h():
    net = xl.MLP((2, 2, 1), hidden="tanh", seed=2, faults=("sigmoid_derivative_for_tanh",))
    P = net.params
    h = np.tanh(X @ P["W1"] + P["b1"])
    p = sig(h @ P["W2"] + P["b2"])
    d1 = ((p - Y) / 4 @ P["W2"].T) * h * (1 - h)
    assert np.allclose(net.gradients(X, Y)["W1"], X.T @ d1, rtol=1e-12)


def test_input_activation_derivative_is_the_translated_programs_formula():
    # bias-free 2-2-1, loss mean squared error: with e = 2 (p - y) / n, s = sigma'(x),
    # dW2[u] = sum_n h_u s_u e and dW1[i, u] = sum_n x_i s_i W2[u] s_u e
    net = xl.MLP((2, 2, 1), bias=False, loss="mse", init="uniform01", seed=0)
    bad = net.copy()
    bad.spec = xl.MLP(
        (2, 2, 1), bias=False, loss="mse", faults=("input_activation_derivative",)
    ).spec
    W1, W2 = net.params["W1"], net.params["W2"]
    h = sig(X @ W1)
    p = sig(h @ W2)
    e, s = 2 * (p - Y) / 4, sig(X) * (1 - sig(X))
    g = bad.gradients(X, Y)
    assert np.allclose(g["W2"], (h * s).T @ e, rtol=1e-12)
    assert np.allclose(g["W1"], (X * s).T @ ((e @ W2.T) * s), rtol=1e-12)


def test_leak_forward_only_changes_the_forward_pass_only():
    net = xl.MLP((2, 2, 1), hidden="relu", seed=0, faults=("leak_forward_only",))
    z = X @ net.params["W1"] + net.params["b1"]
    assert np.array_equal(net.layers(X)[1][1], np.where(z > 0, z, 1e-5 * z))
    h = np.where(z > 0, z, 1e-5 * z)
    p = sig(h @ net.params["W2"] + net.params["b2"])
    d1 = ((p - Y) / 4 @ net.params["W2"].T) * (z > 0)  # ReLU's derivative, no leak
    assert np.allclose(net.gradients(X, Y)["W1"], X.T @ d1, rtol=1e-12)


def test_flipped_update_sign_negates_the_correct_gradient_exactly():
    good = xl.MLP((2, 3, 1), seed=8)
    bad = xl.MLP((2, 3, 1), seed=8, faults=("flipped_update_sign",))
    g, b = good.gradients(X, Y), bad.gradients(X, Y)
    assert all(np.array_equal(g[k], -b[k]) for k in g)


@pytest.mark.parametrize("name", sorted(xl.FAULTS))
def test_train_many_equals_mlp_and_train_bit_for_bit(name):
    fault = xl.FAULTS[name]
    kw = {
        "hidden": fault.needs_hidden or "sigmoid",
        "loss": "mse" if name == "cost_as_gradient" else "bce",
        "init": "he" if fault.needs_hidden == "relu" else "xavier",
        "faults": (name,),
    }
    sizes = (2, 2, 1)
    many = xl.train_many(3, sizes, lr=0.3, epochs=25, seed=11, **kw)
    for i in range(3):
        net = xl.MLP(sizes, seed=11 + i, **kw)
        xl.train(net, X, Y, lr=0.3, epochs=25)
        assert all(np.array_equal(net.params[k], many.params[k][i]) for k in net.params), i


def test_translated_program_runs_the_faults_own_steps():
    shared = xl.cases.chain_rule.SHARED_BUGS
    assert shared == ("cost_as_gradient", "input_activation_derivative", "flipped_update_sign")
    # its own three mistakes are not faults: they need the update (lr, W2's new value)
    assert not set(xl.cases.chain_rule.OWN_BUGS) & set(xl.FAULTS)


@pytest.mark.parametrize("bug", ["cost_as_gradient", "input_activation_derivative"])
def test_translated_gradient_is_half_the_mse_pass_with_the_fault(bug):
    # the program's loss 1/2 (p - y)^2 is half the mean squared error of one sample
    net = xl.MLP((2, 2, 1), bias=False, loss="mse", init="uniform01", seed=3, faults=(bug,))
    params = {k: v[..., None] for k, v in net.params.items()}
    for i in range(4):
        g = xl.cases.chain_rule.translation_gradients(params, X[i], Y[i], 0.05, [bug])
        ref = net.gradients(X[i : i + 1], Y[i : i + 1])
        assert all(np.allclose(g[k][..., 0], ref[k] / 2, rtol=1e-9, atol=1e-15) for k in g)


def test_planted_step_bugs_are_step_replacements():
    from xorlab.cases import field_guide as planted

    for bug, replaced in planted.STEP_BUGS.items():
        assert bug in planted.BUGS and set(replaced) <= set(steps.STEPS), bug
    same = planted.STEP_BUGS["sigmoid' for tanh"]
    assert same is xl.FAULTS["sigmoid_derivative_for_tanh"].replaces


def test_planted_sum_in_hidden_layer_is_n_times_the_hidden_gradient():
    from xorlab.cases import field_guide as planted

    good = planted.implementation("none", seed=3)
    bad = planted.implementation("sum in hidden layer", seed=3)
    g, b = good["grad"](good["params"]), bad["grad"](bad["params"])
    assert np.allclose(b["W1"], 4 * g["W1"], rtol=1e-12) and np.array_equal(b["W2"], g["W2"])


def test_flipped_dl_dp_stays_finite_at_a_saturated_output():
    # p == 1.0 exactly on three inputs: the flipped dL/dp clips p to 1 - 1e-15 first
    net = xl.MLP((2, 1), faults=("flipped_bce_grad", "sigmoid_derivative_of_output"))
    net.params["W1"] = np.array([[60.0], [60.0]])
    assert np.sum(net.forward(X) == 1.0) == 3
    assert all(np.all(np.isfinite(g)) for g in net.gradients(X, Y).values())
