"""xorlab.plots' notebook figures (xorlab.show.png, .phone): high-density PNGs that carry their
smallest text size, and their variants for phones."""

import base64
import struct
import zlib

import matplotlib.pyplot as plt
import numpy as np
import pytest

import xorlab as xl
from xorlab.show import png


def png_chunks(data: bytes) -> dict[bytes, list[bytes]]:
    """The chunks of a PNG by type, parsed here independently of matplotlib."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        assert (
            zlib.crc32(kind + body)
            == struct.unpack(">I", data[at + 8 + length : at + 12 + length])[0]
        )
        chunks.setdefault(kind, []).append(body)
        at += 12 + length
    return chunks


@pytest.fixture
def figure():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.plot([0, 1], [0, 1])
    ax.set_title("title", fontsize=14)
    ax.tick_params(labelsize=7.2)
    yield fig
    plt.close(fig)


def test_png_has_twice_the_pixels_of_its_display_size(figure):
    encoded, size = xl.plots.figure_png(figure)
    width, height = struct.unpack(">II", png_chunks(base64.b64decode(encoded))[b"IHDR"][0][:8])
    assert width // 2 == size["width"] and height // 2 == size["height"]
    # bbox_inches="tight" trims the 300 x 200 px canvas, but not below the axes' own size
    assert 150 < size["width"] <= 320 and 100 < size["height"] <= 220


def test_png_records_the_smallest_text_in_css_pixels(figure):
    encoded, _ = xl.plots.figure_png(figure)
    texts = dict(b.split(b"\0", 1) for b in png_chunks(base64.b64decode(encoded))[b"tEXt"])
    # the 7.2 pt tick labels at 100 dpi: 7.2 * 100 / 72 = 10 px
    assert float(texts[xl.plots.MIN_FONT_KEY.encode()]) == pytest.approx(10.0)


def test_outside_ipython_nothing_is_installed():
    assert xl.plots.use_sharp_figures() is False


def test_wide_figures_get_text_that_reads_once_scaled_to_the_column():
    fig, ax = plt.subplots(figsize=(10, 3), dpi=100)  # 1,000 CSS px, shown at 672
    ax.set_title("small", fontsize=6)
    ax.set_xlabel("large", fontsize=20)
    assert xl.plots.keep_text_legible(fig, column_px=672, min_px=9.5) >= 1  # at least the title
    shown = 672 / 1000  # CSS px per figure px once scaled to the column
    assert ax.title.get_fontsize() * 100 / 72 * shown == pytest.approx(9.5)
    assert ax.xaxis.label.get_fontsize() == 20
    plt.close(fig)


def test_a_figure_that_reads_already_is_left_alone(figure):
    figure.draw_without_rendering()  # the tick labels exist from here on
    sizes = [t.get_fontsize() for t in figure.findobj(plt.Text)]
    assert xl.plots.keep_text_legible(figure, column_px=672, min_px=9.5) == 0
    assert [t.get_fontsize() for t in figure.findobj(plt.Text)] == sizes


def png_size(encoded: str) -> tuple[int, int]:
    return struct.unpack(">II", png_chunks(base64.b64decode(encoded))[b"IHDR"][0][:8])


def png_min_font(encoded: str) -> float:
    texts = dict(b.split(b"\0", 1) for b in png_chunks(base64.b64decode(encoded))[b"tEXt"])
    return float(texts[xl.plots.MIN_FONT_KEY.encode()])


@pytest.fixture
def three_panels():
    fig, axes = plt.subplots(1, 3, figsize=(10, 3), dpi=100, layout="constrained")
    for i, ax in enumerate(axes):
        ax.plot([0, 1], [0, i])
        ax.set(title=f"panel {i}", xlabel="epoch", ylabel="loss")
    image = axes[2].imshow([[0, 1], [1, 0]])
    fig.colorbar(image, ax=axes[2], label="output")
    yield fig, axes
    plt.close(fig)


def test_a_wide_grid_gets_a_phone_variant_with_its_panels_stacked(three_panels):
    fig, axes = three_panels
    _, meta = xl.plots.figure_png(fig)
    narrow = meta[xl.plots.NARROW_KEY]
    width, height = png_size(narrow["png"])
    assert (narrow["width"], narrow["height"]) == (width // 2, height // 2)
    # fits a phone's column (358 CSS px) and holds three 3-inch tall panels one under another
    assert 300 < narrow["width"] <= 370 and narrow["height"] > 3 * 250
    # its smallest text reads at 9 CSS px or more once fitted to the column
    assert png_min_font(narrow["png"]) * min(1, 358 / narrow["width"]) >= 9


def test_the_variant_leaves_the_figure_as_it_was(three_panels, monkeypatch):
    fig, axes = three_panels
    specs = [ax.get_subplotspec() for ax in axes]
    xl.plots.figure_png(fig)  # the first call enlarges small text for the desktop column
    assert tuple(fig.get_size_inches()) == (10, 3)
    assert [ax.get_subplotspec() for ax in axes] == specs
    shown = [xl.plots.figure_png(fig) for _ in range(3)]
    assert shown[2] == shown[1]  # constrained layout settles after a few drawings
    # a twin drawn as often without any variant gives the same desktop PNG
    twin, twin_axes = plt.subplots(1, 3, figsize=(10, 3), dpi=100, layout="constrained")
    for i, ax in enumerate(twin_axes):
        ax.plot([0, 1], [0, i])
        ax.set(title=f"panel {i}", xlabel="epoch", ylabel="loss")
    twin.colorbar(twin_axes[2].imshow([[0, 1], [1, 0]]), ax=twin_axes[2], label="output")
    monkeypatch.setattr(png, "_restacked_variant", lambda fig: None)
    plain = [xl.plots.figure_png(twin)[0] for _ in range(4)]
    assert plain[1:] == [data for data, _ in shown]
    plt.close(twin)


def test_stacked_panels_keep_their_order_top_to_bottom(three_panels):
    fig, axes = three_panels
    assert xl.plots.narrow_layout(fig)  # laid out as its PNG will show it
    tops = [ax.get_position().y1 for ax in axes]
    lefts = [ax.get_position().x0 for ax in axes]
    assert tops[0] > tops[1] > tops[2]
    assert max(lefts) - min(lefts) < 0.1  # one column
    # two as tall as the figure was (3 inches); the image (equal aspect) as its width lets it be
    width, height = fig.get_size_inches()
    assert width == xl.plots.PHONE_WIDTH_IN and 9 < height < 10.5


def test_narrow_figures_and_diagrams_get_no_variant(figure):
    _, meta = xl.plots.figure_png(figure)  # 3 inches wide: fits a phone as it is
    assert xl.plots.NARROW_KEY not in meta
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.text(0.5, 0.5, "a diagram: its positions mean something")
    ax.set_axis_off()
    assert xl.plots.narrow_layout(fig) is False
    assert tuple(fig.get_size_inches()) == (8, 3)
    plt.close(fig)


def test_a_long_title_wraps_in_the_phone_variant_instead_of_widening_it():
    fig, ax = plt.subplots(figsize=(4.8, 3.9), layout="constrained")
    ax.set_title("a title far too long for the width of a phone's text column, in one line")
    _, meta = xl.plots.figure_png(fig)
    assert meta[xl.plots.NARROW_KEY]["width"] <= 370  # about PHONE_WIDTH_IN inches
    assert not ax.title.get_wrap()  # the figure itself is left as it was
    plt.close(fig)


def test_a_figure_can_carry_its_own_phone_variant(three_panels):
    """The figure's own drawing replaces the restacked panels: drawn on a new figure, the
    original left as it was, its too-small text raised to read in a phone's column."""
    fig, axes = three_panels
    given = []

    def draw(narrow):
        given.append(narrow)
        narrow.set_size_inches(3, 5)
        ax = narrow.add_axes((0.1, 0.1, 0.8, 0.8))
        ax.set_axis_off()
        ax.text(0.5, 0.5, "a diagram", fontsize=4)  # 5.6 CSS px
        ax.text(0.5, 0.2, "drawn for phones", fontsize=12)

    xl.plots.set_phone_variant(fig, draw)
    _, meta = xl.plots.figure_png(fig)
    narrow = meta[xl.plots.NARROW_KEY]
    assert len(given) == 1 and given[0] is not fig
    # the 3 x 5 inch drawing trimmed to its texts, not three panels stacked (over 750 px tall)
    assert narrow["width"] < 300 and narrow["height"] < 500
    width, height = png_size(narrow["png"])
    assert (width // 2, height // 2) == (narrow["width"], narrow["height"])
    assert png_min_font(narrow["png"]) == pytest.approx(xl.plots.MIN_TEXT_PX, abs=0.01)
    assert tuple(fig.get_size_inches()) == (10, 3) and len(fig.axes) == 4
    _, meta_again = xl.plots.figure_png(fig)
    assert given[1] is not given[0] and meta_again[xl.plots.NARROW_KEY] == narrow


def test_a_diagram_with_its_own_variant_gets_it():
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.set_axis_off()  # no variant without one of its own (see above)
    xl.plots.set_phone_variant(fig, lambda narrow: narrow.text(0.1, 0.5, "for phones"))
    _, meta = xl.plots.figure_png(fig)
    assert xl.plots.NARROW_KEY in meta
    plt.close(fig)


# The phone variant of figures like the book's: measured on the figure `narrow_layout` lays out.
PHONE_PX = xl.plots.PHONE_COLUMN_PX


def boxes_overlap(a, b, slack=1.0) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > slack and min(a.y1, b.y1) - max(a.y0, b.y0) > slack


def visible_texts(fig):
    """The texts a drawing of `fig` shows, with their boxes in pixels (tick labels outside
    the view, which matplotlib keeps but does not draw, left out)."""
    renderer = fig.canvas.get_renderer()
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            outside = [t for t in axis.get_major_ticks() if not low <= t.get_loc() <= high]
            hidden.update(id(t.label1) for t in outside)
    return [
        (t.get_text(), t.get_window_extent(renderer))
        for t in fig.findobj(plt.Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def assert_no_text_overlaps(fig):
    texts = visible_texts(fig)
    for i, (text, box) in enumerate(texts):
        for other, other_box in texts[i + 1 :]:
            assert not boxes_overlap(box, other_box), f"{text!r} overlaps {other!r}"
    for colorbar, _ in colorbars_of(fig):
        for text, box in texts:
            assert not boxes_overlap(box, colorbar.ax.bbox), f"{text!r} overlaps a colorbar"


def colorbars_of(fig):
    """Each colorbar of `fig`, with the panel that shows its image or contours."""
    shown = [(artist, ax) for ax in fig.axes for artist in (*ax.collections, *ax.images)]
    return [(artist.colorbar, ax) for artist, ax in shown if getattr(artist, "colorbar", None)]


def assert_colorbars_beside_or_below(fig, gap_px=70):
    """Each colorbar spans its panel's side and lies within gap_px of the panel's axes."""
    bars = colorbars_of(fig)
    assert bars
    for colorbar, parent in bars:
        bar, box = colorbar.ax.bbox, parent.bbox
        if colorbar.orientation == "horizontal":
            assert box.x0 - 1 <= bar.x0 and bar.x1 <= box.x1 + 1
            assert 0 < box.y0 - bar.y1 < gap_px
        else:
            assert box.y0 - 1 <= bar.y0 and bar.y1 <= box.y1 + 1
            assert 0 < bar.x0 - box.x1 < gap_px


@pytest.fixture
def book_figure():
    """Like the book's Fig. 1.3: a loss curve, a decision boundary (equal aspect, colorbar),
    hidden units as lines (equal aspect, legend outside on the right), ticks at 0, 0.5, 1."""
    X, y = xl.xor()
    net = xl.MLP((2, 2, 1), seed=3)
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.8), layout="constrained")
    xl.plots.plot_loss([0.7, 0.3, 0.01], ax=axes[0])
    xl.plots.plot_decision_boundary(net, X, y, ax=axes[1])
    xl.plots.plot_hidden_lines(net, X, y, ax=axes[2])
    for ax in axes[1:]:
        ax.set(xticks=[0, 0.5, 1], yticks=[0, 0.5, 1])
    axes[2].legend(loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
    yield fig, axes
    plt.close(fig)


def test_restacked_square_panels_fill_the_phone_column(book_figure):
    fig, axes = book_figure
    assert xl.plots.narrow_layout(fig)  # laid out as its PNG will show it
    scale = PHONE_PX / (fig.get_figwidth() * fig.dpi)  # CSS px per figure px in the column
    for ax in axes:
        assert ax.bbox.width * scale >= 250, ax.get_title()
    for ax in axes[1:]:  # a square slot: the equal-aspect box fills its row's width
        slot = ax.get_position(original=True)
        assert ax.get_position().width == pytest.approx(slot.width, rel=0.03)
    assert_colorbars_beside_or_below(fig)
    assert_no_text_overlaps(fig)
    legend = axes[2].get_legend().get_window_extent()
    assert legend.y1 < axes[2].xaxis.get_tightbbox().y0  # below the panel and its x label
    assert fig.bbox.x0 <= legend.x0 and legend.x1 <= fig.bbox.x1


def test_the_book_figure_variant_fits_and_reads_on_a_phone(book_figure):
    fig, _ = book_figure
    _, meta = xl.plots.figure_png(fig)
    narrow = meta[xl.plots.NARROW_KEY]
    assert 300 < narrow["width"] <= 370
    assert png_min_font(narrow["png"]) * min(1, PHONE_PX / narrow["width"]) >= 9


def test_a_one_panel_decision_boundary_keeps_its_title_clear_of_the_colorbar():
    X, y = xl.xor()
    ax = xl.plots.plot_decision_boundary(
        xl.MLP((2, 2, 1), seed=3), X, y, title="fixed network, per-sample training"
    )
    fig = ax.figure
    assert xl.plots.narrow_layout(fig)  # laid out as its PNG will show it
    assert ax.bbox.width * PHONE_PX / (fig.get_figwidth() * fig.dpi) >= 250
    assert_colorbars_beside_or_below(fig)
    assert_no_text_overlaps(fig)
    plt.close(fig)


def test_a_legend_over_the_data_moves_below_in_the_variant():
    fig, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
    for centre in (40, 60, 80):  # wide overlapping bumps: no corner is free of bars
        ax.hist(np.arange(100), bins=30, weights=np.exp(-(((np.arange(100) - centre) / 25) ** 2)))
    ax.set_xlabel("a label far too long for the width of a phone's column, in one line")
    ax.legend(["first", "second", "third"], loc="center left")
    assert xl.plots.narrow_layout(fig)  # laid out as its PNG will show it
    legend = ax.get_legend().get_window_extent()
    assert legend.y1 < ax.xaxis.get_tightbbox().y0
    assert_no_text_overlaps(fig)
    assert ax.xaxis.label.get_window_extent().width <= ax.bbox.width + 1  # wrapped
    plt.close(fig)


def test_crowded_tick_labels_lose_ticks_in_the_variant():
    fig, axes = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
    for ax in axes:
        ax.plot([0, 1], [0, 1])
        ax.set_xticks(np.linspace(0, 1, 11), [f"{t:.2f}" for t in np.linspace(0, 1, 11)])
    assert xl.plots.narrow_layout(fig)  # laid out as its PNG will show it
    assert_no_text_overlaps(fig)
    assert 2 < len(axes[0].get_xticks()) < 11
    plt.close(fig)


@pytest.mark.parametrize("twin", [False, True])
def test_a_panel_spanning_columns_and_a_twin_keep_their_cells_in_the_variant(twin):
    """A row per cell of the grid: a panel across two columns gets one, a twin shares its
    host's (a height per column, or per panel, once crashed the restacking)."""
    fig, axd = plt.subplot_mosaic([["wide", "wide", "right"]], figsize=(9, 3), layout="constrained")
    for ax in axd.values():
        ax.plot([0, 1], [0, 1])
    twins = [axd["right"].twinx()] if twin else []
    for ax in twins:
        ax.plot([0, 1], [1, 0])
    assert xl.plots.narrow_layout(fig)  # laid out as its PNG will show it
    wide, right = axd["wide"].get_position(), axd["right"].get_position()
    assert wide.y0 > right.y1  # one under the other, in the grid's order
    for ax in twins:
        assert ax.get_position().bounds == pytest.approx(right.bounds)
    assert_no_text_overlaps(fig)
    plt.close(fig)


def test_a_figure_that_cannot_be_copied_is_shown_without_a_phone_variant():
    fig, axes = plt.subplots(1, 3, figsize=(10, 3))
    fig.not_picklable = lambda: None  # what a reader's own figure may carry
    data, size = xl.plots.figure_png(fig)
    plt.close(fig)
    assert base64.b64decode(data).startswith(b"\x89PNG")
    assert xl.plots.NARROW_KEY not in size
