"""Helpers of chapter 1, "XOR, done right": gate names, finite-difference errors, draw_training."""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import xorlab as xl  # noqa: E402

HAND = {  # OR and NAND in the hidden layer, AND at the output
    "W1": np.array([[20.0, -20.0], [20.0, -20.0]]),
    "b1": np.array([-10.0, 30.0]),
    "W2": np.array([[20.0], [20.0]]),
    "b2": np.array([-30.0]),
}


def test_gates_cover_all_sixteen_truth_tables_once():
    assert len(xl.GATES) == 16 and len(set(xl.GATES.values())) == 16
    X, _ = xl.xor()
    rules = {
        "AND": lambda a, b: a and b,
        "OR": lambda a, b: a or b,
        "NAND": lambda a, b: not (a and b),
        "NOR": lambda a, b: not (a or b),
        "XOR": lambda a, b: a != b,
        "x1 AND NOT x2": lambda a, b: a and not b,
        "x2 OR NOT x1": lambda a, b: b or not a,
    }
    for name, rule in rules.items():
        table = [float(rule(bool(a), bool(b))) for a, b in X]
        assert xl.gate_name(table) == name


def test_gate_name_thresholds_soft_values():
    assert xl.gate_name([0.02, 0.96, 0.97, 0.99]) == "OR"
    assert xl.gate_name([-0.9, 0.8, 0.7, -0.6], threshold=0.0) == "XOR"
    for bits in itertools.product((0.1, 0.9), repeat=4):
        assert xl.GATES[tuple(int(b > 0.5) for b in bits)] == xl.gate_name(bits)


def test_gate_name_rejects_bad_input():
    with pytest.raises(ValueError, match="shape"):
        xl.gate_name([0, 1, 1])
    with pytest.raises(ValueError, match="NaN"):
        xl.gate_name([0, np.nan, 1, 0])


def test_hidden_gates_reads_a_hand_built_network():
    net = xl.MLP((2, 2, 1))
    net.params = {k: v.copy() for k, v in HAND.items()}
    assert xl.hidden_gates(net) == ["OR", "NAND"]
    with pytest.raises(ValueError, match="hidden layer"):
        xl.hidden_gates(xl.MLP((2, 1)))
    with pytest.raises(ValueError, match="2 inputs"):
        xl.hidden_gates(xl.MLP((3, 2, 1)))


GATE_RULES = {
    "FALSE": lambda a, b: False,
    "AND": lambda a, b: a and b,
    "x1 AND NOT x2": lambda a, b: a and not b,
    "x1": lambda a, b: a,
    "x2 AND NOT x1": lambda a, b: b and not a,
    "x2": lambda a, b: b,
    "XOR": lambda a, b: a != b,
    "OR": lambda a, b: a or b,
    "NOR": lambda a, b: not (a or b),
    "XNOR": lambda a, b: a == b,
    "NOT x2": lambda a, b: not b,
    "x1 OR NOT x2": lambda a, b: a or not b,
    "NOT x1": lambda a, b: not a,
    "x2 OR NOT x1": lambda a, b: b or not a,
    "NAND": lambda a, b: not (a and b),
    "TRUE": lambda a, b: True,
}


def test_every_gate_name_has_its_truth_table():
    for table, name in xl.GATES.items():
        rule = GATE_RULES[name]
        assert table == tuple(int(rule(a, b)) for a, b in [(0, 0), (0, 1), (1, 0), (1, 1)])


def test_hidden_gates_of_a_trained_net_explain_its_output():
    result = xl.train_many(20, lr=2.0, epochs=2000, seed=0)
    i = int(np.flatnonzero(result.success)[0])
    net = result.network(i)
    X, y = xl.xor()
    _, acts = net.layers(X)
    hidden = (acts[1] > 0.5).astype(float)
    # the output unit applied to the thresholded gates still computes XOR
    z = hidden @ net.params["W2"] + net.params["b2"]
    assert np.array_equal((z > 0).astype(float), y)
    # each name's truth table, spelled out independently, is the unit's thresholded output
    for j, name in enumerate(xl.hidden_gates(net)):
        table = [bool(GATE_RULES[name](a, b)) for a, b in X.astype(bool)]
        assert table == list(hidden[:, j] == 1), (j, name)


def test_draw_training_uses_figsize_and_reports_the_outcome():
    fig = xl.widgets.draw_training(lr=2.0, epochs=2000, seed=0, figsize=(6, 2.6))
    assert tuple(fig.get_size_inches()) == pytest.approx((6, 2.6))
    boundary, loss = fig.axes[:2]
    assert boundary.get_title() == "solved"
    assert len(loss.lines[0].get_xdata()) == 2001  # the loss before every epoch and after the last
    plt.close(fig)
    failing = xl.train_many(12, lr=2.0, epochs=2000, seed=0).success
    seed = int(np.flatnonzero(~failing)[0])
    fig = xl.widgets.draw_training(lr=2.0, epochs=2000, seed=seed)
    assert fig.axes[0].get_title() == "not solved"
    plt.close(fig)


def test_draw_training_loss_matches_train():
    X, y = xl.xor()
    history = xl.train(xl.MLP((2, 3, 1), hidden="tanh", seed=4), X, y, 0.5, 300)
    fig = xl.widgets.draw_training(hidden="tanh", units=3, lr=0.5, epochs=300, seed=4)
    drawn = fig.axes[1].lines[0].get_ydata()
    np.testing.assert_allclose(drawn, history.loss, rtol=1e-10)
    plt.close(fig)
