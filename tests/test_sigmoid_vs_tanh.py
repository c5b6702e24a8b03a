"""Saturation statistics, plateau detection, success by budget, the grid view, and the chapter's
self-checks (case-sigmoid-vs-tanh)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import xorlab as xl  # noqa: E402
from xorlab.cases import sigmoid_vs_tanh as sat  # noqa: E402

BUGS = ("missing_output_derivative", "sigmoid_derivative_for_tanh")


def test_derivative_bounds_are_the_textbook_values():
    assert sat.derivative_bound("sigmoid") == pytest.approx(0.25, abs=1e-12)
    assert sat.derivative_bound("tanh") == pytest.approx(1.0, abs=1e-12)
    assert sat.derivative_bound("relu") == 1.0
    with pytest.raises(ValueError, match="activation"):
        sat.derivative_bound("softsign")


def test_saturated_mask_grows_with_abs_z():
    z = np.array([0.0, 1.0, 3.0, 5.0, -5.0])
    assert sat.saturated(z, "sigmoid").tolist() == [False, False, False, True, True]
    assert sat.saturated(z, "tanh").tolist() == [False, False, True, True, True]
    assert sat.saturated(np.array([-1.0, 1.0]), "relu").tolist() == [True, False]


def test_layer_statistics_match_a_direct_computation():
    X, y = xl.xor()
    net = xl.MLP((2, 3, 1), hidden="tanh", loss="mse", seed=4)
    s = sat.layer_statistics(net, X, y)
    zs, _ = net.layers(X)
    g = net.gradients(X, y)
    assert s["mean_abs_z"] == pytest.approx([np.abs(zs[0]).mean(), np.abs(zs[1]).mean()])
    want = np.sqrt(np.sum(g["W1"] ** 2) + np.sum(g["b1"] ** 2))
    assert s["grad_norm"][0] == pytest.approx(want)
    assert s["mean_derivative"][0] == pytest.approx(np.mean(1 - np.tanh(zs[0]) ** 2))


def test_large_weights_saturate_and_shrink_the_first_layer_gradient():
    X, y = xl.xor()
    small = xl.MLP((2, 2, 1), loss="mse", init="normal", init_scale=0.5, seed=1)
    big = small.copy()
    big.params["W1"] = 20 * big.params["W1"]
    a, b = sat.layer_statistics(small, X, y), sat.layer_statistics(big, X, y)
    assert b["mean_abs_z"][0] > a["mean_abs_z"][0]
    assert b["saturated"][0] > a["saturated"][0]
    assert b["mean_derivative"][0] < a["mean_derivative"][0]


def test_trace_records_checkpoints_and_the_full_loss():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), loss="mse", seed=0)
    twin = net.copy()
    t = sat.trace(net, X, y, lr=0.5, epochs=40, every=10)
    assert t["epoch"].tolist() == [0, 10, 20, 30, 40]
    assert t["grad_norm"].shape == (5, 2) and t["loss"].shape == (41,)
    h = xl.train(twin, X, y, 0.5, 40)
    assert np.allclose(t["loss"], h.loss)
    with pytest.raises(ValueError, match="multiple"):
        sat.trace(net, X, y, 0.5, 45, every=10)


def test_plateaus_find_a_flat_stretch_but_not_convergence():
    t = np.arange(3000)
    loss = np.where(t < 1000, 0.25 * np.exp(-t / 2000), 0.25 * np.exp(-0.5))
    loss = np.where(t < 2000, loss, loss * np.exp(-(t - 2000) / 50))
    found = sat.plateaus(loss, window=100, tol=0.01, min_loss=0.01)
    assert len(found) == 1
    start, end = found[0]
    assert 900 <= start <= 1000 and 1900 <= end <= 2000
    assert sat.plateaus(0.25 * np.exp(-t / 100)) == []
    many = sat.flat(np.column_stack([loss, 0.25 * np.exp(-t / 100)]))
    assert many.shape == (2900, 2) and many[:, 0].sum() > 500 and many[:, 1].sum() == 0
    with pytest.raises(ValueError, match=r"T > window, got shape \(50,\)"):
        sat.flat(loss[:50])


def test_solved_by_counts_epochs_to_solve_and_differs_from_the_end():
    r = xl.train_many(
        300,
        (2, 2, 1),
        hidden="tanh",
        loss="mse",
        lr=0.4,
        epochs=400,
        init="normal",
        init_scale=1.4,
        faults=BUGS,
    )
    rows = sat.solved_by(r, [100, 400])
    assert rows[0][1] == np.sum(r.epochs_to_solve <= 100)
    assert rows[1][1] == np.sum(~np.isnan(r.epochs_to_solve))
    assert rows[0][1] <= rows[1][1] and rows[1][1] >= r.success.sum()
    assert rows[1][3] <= rows[1][2] <= rows[1][4]


def test_hidden_saturation_agrees_with_one_network():
    X, y = xl.xor()
    r = xl.train_many(5, (2, 2, 1), lr=2.0, epochs=200)
    fractions = sat.hidden_saturation(r)
    zs, _ = r.network(3).layers(X)
    assert fractions.shape == (5,)
    assert fractions[3] == pytest.approx(sat.saturated(zs[0], "sigmoid").mean())


def test_grid_reading_and_drawing(tmp_path):
    path = tmp_path / "grid.csv"
    path.write_text(
        "hidden,units,lr,gradient,measure,epochs,n,solved,rate,lo,hi\n"
        "sigmoid,2,0.4,fixed,solved_by,500,10,3,0.3000,0.1,0.6\n"
        "tanh,2,0.4,fixed,solved_by,500,10,7,0.7000,0.4,0.9\n"
    )
    table = sat.read_grid(path)
    rates = sat.grid_rates(table, "solved_by", 500, "fixed", "tanh", [2, 3], [0.4])
    assert rates[0, 0] == pytest.approx(0.7) and np.isnan(rates[1, 0])
    fig = sat.draw_grid(table, 500, "fixed")
    assert len(fig.axes) == 2
    plt.close(fig)


def test_draw_run_and_plot_derivatives_build_figures():
    fig = sat.draw_run("tanh", 2, 0.4, 150, faults=BUGS, n=20)
    assert len(fig.axes) == 2
    plt.close(fig)
    ax = sat.plot_derivatives()
    assert len(ax.lines) == 4
    plt.close(ax.figure)
