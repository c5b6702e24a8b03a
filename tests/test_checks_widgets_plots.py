"""Self-checks, explorers and plots of the core package."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import xorlab as xl  # noqa: E402


def test_check_bce_grad_feedback():
    assert xl.checks.check_bce_grad(lambda p, y: (p - y) / (p * (1 - p)) / len(p))
    flipped = xl.checks.check_bce_grad(lambda p, y: (-y / p - (1 - y) / (1 - p)) / len(p))
    assert not flipped and "wrong sign for y = 0" in flipped.message
    summed = xl.checks.check_bce_grad(lambda p, y: (p - y) / (p * (1 - p)))
    assert not summed and "mean" in summed.message
    shaped = xl.checks.check_bce_grad(lambda p, y: (p - y).ravel())
    assert not shaped and "shape" in shaped.message
    broken = xl.checks.check_bce_grad(lambda p, y: 1 / 0)
    assert not broken and "ZeroDivisionError" in broken.message


def test_check_xor_weights_feedback():
    good = {"W1": [[20, -20], [20, -20]], "b1": [-10, 30], "W2": [[20], [20]], "b2": [-30]}
    assert xl.checks.check_xor_weights(good)
    zero = {"W1": np.zeros((2, 2)), "b1": np.zeros(2), "W2": np.zeros((2, 1)), "b2": np.zeros(1)}
    verdict = xl.checks.check_xor_weights(zero)
    assert not verdict and "0.500" in verdict.message
    assert (
        "missing b2"
        in xl.checks.check_xor_weights({k: v for k, v in good.items() if k != "b2"}).message
    )
    assert "shape" in xl.checks.check_xor_weights({**good, "W1": [1, 2]}).message


def test_check_number_feedback():
    assert xl.checks.check_number(0.25, 0.25)
    assert "too large" in xl.checks.check_number(0.3, 0.25).message
    assert "must be a number" in xl.checks.check_number("a quarter", 0.25).message
    assert str(xl.checks.check_number(0.25, 0.25)).startswith("Correct")


def test_frame_player_embeds_every_frame_with_alt_text_and_label():
    values = [0.1, 1.0]

    def draw(lr):
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.set_title(f"lr={lr}")
        return fig

    player = xl.widgets.frame_player(draw, values, "learning rate", "A test frame.", "Test 1")
    html = player._repr_html_()
    assert html.count("data:image/png;base64,") == 1 + len(values)  # first frame + the JS list
    assert 'alt="A test frame."' in html and '<label for="xp-test-1-range">' in html
    assert 'max="1"' in html and "learning rate = 1.0" in html
    assert plt.get_fignums() == []  # frames are closed after rendering


def test_training_explorer_builds_live_controls():
    pytest.importorskip("ipywidgets")
    widget = xl.widgets.training_explorer()
    names = {c.description for c in widget.children[:-1]}
    assert {"hidden", "units", "lr", "epochs", "init", "seed"} <= names
    plt.close("all")


def test_decision_boundary_draws_the_half_contour():
    X, y = xl.xor()
    net = xl.MLP((2, 3, 1), seed=0)
    xl.train(net, X, y, 1.0, 2000)
    ax = xl.plots.plot_decision_boundary(net, X, y)
    assert len(ax.collections) >= 3  # shading, boundary line, points
    assert ax.get_xlim() == (-0.25, 1.25)
    plt.close("all")


def test_hidden_lines_mark_dead_relu_units():
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), hidden="relu")
    net.params["W1"] = np.array([[-1.0, 1.0], [-1.0, 1.0]])
    net.params["b1"] = np.array([-0.5, -0.5])
    ax = xl.plots.plot_hidden_lines(net, X, y)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["unit 1 (dead)", "unit 2"]
    plt.close("all")


def test_loss_plot_uses_history_and_log_scale():
    X, y = xl.xor()
    h = xl.train(xl.MLP((2, 2, 1)), X, y, 1.0, 50)
    ax = xl.plots.plot_loss(h, h.loss * 2, labels=["a", "b"])
    assert ax.get_yscale() == "log" and len(ax.get_lines()) == 2
    assert np.allclose(ax.get_lines()[0].get_ydata(), h.loss)
    plt.close("all")
