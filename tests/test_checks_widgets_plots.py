"""Self-checks, explorers and plots of the core package."""

import base64
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

import xorlab as xl  # noqa: E402


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


def test_frame_player_frames_are_sharp_at_their_css_size():
    def draw(v):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.set_title(f"v={v}")
        return fig

    player = xl.widgets.frame_player(draw, [1], "v", "A frame.", "sharp")
    png = player.frames[0]
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (3 * 72 * 2, 2 * 72 * 2)  # 72 CSS px per inch, 2 px per CSS px
    assert 'width="216"' in player._repr_html_()  # shown at 3 in x 72 CSS px


PHONE_COLUMN_PX = 358  # CSS px: the text column of a 390 px phone (as tests/test_figures.py)


def _png_size(png: bytes) -> tuple[int, int]:
    """A PNG's size in pixels, read from its IHDR chunk."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _smallest_text_pt(fig) -> float:
    texts = fig.findobj(matplotlib.text.Text)
    return min(t.get_fontsize() for t in texts if t.get_visible() and t.get_text().strip())


def test_frame_player_of_a_wide_figure_carries_a_phone_variant_per_frame():
    drawn = []

    def draw(v):  # two heatmaps side by side with small cell numbers, as the book's grid
        fig, axes = plt.subplots(1, 2, figsize=(6.4, 2.6), layout="constrained")
        for k, ax in enumerate(axes):
            ax.imshow(np.arange(9).reshape(3, 3) * (v + k), vmin=0, vmax=40)
            for (i, j), _ in np.ndenumerate(np.zeros((3, 3))):
                ax.text(j, i, f"{10 * v + i + j}", ha="center", va="center", fontsize=6)
            ax.set(title=f"panel {k}", xlabel="lr", ylabel="units")
        fig.suptitle(f"frame {v}")
        drawn.append(fig)
        return fig

    values = [0, 1, 2]
    player = xl.widgets.frame_player(draw, values, "v", "Frames.", "phone", dpi=144)
    assert len(player.narrow) == len(values)
    page = player._repr_html_()
    assert page.count('<source media="(max-width: 575.98px)"') == 1
    for fig, wide, narrow in zip(drawn, player.frames, player.narrow):
        width, height = _png_size(narrow)
        # fits the phone's column at 2 image px per CSS px, uses most of it, and is short
        # enough to stay on screen with its slider (a phone's screen is 650-900 CSS px tall)
        assert 300 * 2 < width <= 370 * 2 and height <= 2 * 300, (width, height)
        # every text as drawn (the figure was re-laid out in place), in CSS px on the phone
        shown = min(1.0, PHONE_COLUMN_PX / (width / 2))
        assert _smallest_text_pt(fig) * fig.dpi / 72 * shown >= 9
        assert f"{base64.b64encode(narrow).decode()} 2x" in page  # the slider can show it
        # the desktop frame: as wide as the book's column (672 CSS px), not 6.4 x 144 px
        assert _png_size(wide) == (2 * 672, int(2 * 2.6 * 672 / 6.4))
    assert len(set(player.narrow)) == len(values)  # one variant per frame, not one for all


def test_frame_player_of_a_narrow_figure_has_no_phone_variant():
    def draw(v):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.set_title(f"v={v}")
        return fig

    player = xl.widgets.frame_player(draw, [1, 2], "v", "A frame.", "narrow")
    assert player.narrow is None and "<source" not in player._repr_html_()


def test_frame_player_frames_are_compact_and_look_as_drawn():
    def draw(v):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.imshow(np.linspace(0, v, 100).reshape(10, 10))
        ax.set_title(f"v = {v}")
        return fig

    player = xl.widgets.frame_player(draw, [1], "v", "A frame.", "compact", dpi=100)
    fig = draw(1)
    fig.draw_without_rendering()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=200)
    plt.close(fig)
    drawn, frame = (Image.open(io.BytesIO(png)) for png in (buf.getvalue(), player.frames[0]))
    assert frame.mode == "P" and len(player.frames[0]) < len(buf.getvalue())  # 256 colours
    error = np.abs(np.asarray(frame.convert("RGB"), float) - np.asarray(drawn.convert("RGB")))
    assert error.mean() < 0.5  # of 255 levels
    ticks = plt.rcParams["xtick.labelsize"]  # the smallest text, in points
    assert float(frame.text[xl.plots.MIN_FONT_KEY]) == pytest.approx(ticks * 100 / 72, abs=0.01)
