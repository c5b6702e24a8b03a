"""Figures used across the book, in one consistent, colour-blind-safe style (Okabe-Ito).

Every function draws on a matplotlib Axes (a new one if `ax` is None) and returns it.
"""

import base64
import io
import pickle
import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec
from matplotlib.layout_engine import ConstrainedLayoutEngine

PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "grey": "#777777",
}
CLASS_COLOURS = (PALETTE["blue"], PALETTE["vermillion"])
CLASS_MARKERS = ("o", "s")
OUTPUT_CMAP = LinearSegmentedColormap.from_list(
    "xorlab", [PALETTE["blue"], "#f7f7f7", PALETTE["vermillion"]]
)


# Sizes in points. A figure is shown at its own width (figure.dpi CSS pixels per inch, 100) or
# narrower, so 9 pt stays at 9 CSS px or more in figures up to 1.4 times the text column's width.
STYLE = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": 9.5,
    "figure.titlesize": 11,
    "figure.dpi": 100,
}
# Pixels per CSS pixel in the notebook's PNGs: sharp on high-density (phone, laptop) screens.
DENSITY = 2
MIN_FONT_KEY = "xorlab:min-font-px"
# The book's text column at 1280 px is 672 CSS px wide: a wider figure is scaled down to it,
# so its smallest text is raised until it still reads at MIN_TEXT_PX once scaled.
COLUMN_PX = 672
MIN_TEXT_PX = 9.5
# A phone's text column is 358 CSS px wide at 390 px: figures wider than PHONE_WIDTH_IN inches
# (at figure.dpi, no wider than that column) get a variant drawn for it (`narrow_layout`),
# stored in the output's metadata under NARROW_KEY.
PHONE_WIDTH_IN = 3.5
PHONE_COLUMN_PX = 358
NARROW_KEY = "xorlab:narrow"
# A diagram that `narrow_layout` cannot restack may draw its own variant: a function stored on
# the figure under this attribute name (`set_phone_variant`).
PHONE_VARIANT = "xorlab_phone_variant"
# The padding, in inches, around each panel of a phone variant.
PAD_IN = 0.12


def smallest_text_px(fig) -> float:
    """Height in pixels, at the figure's dpi, of the smallest visible non-empty text, as the
    figure was last laid out (tick labels exist only once it has been)."""
    sizes = [
        t.get_fontsize()
        for t in fig.findobj(mpl.text.Text)
        if t.get_visible() and t.get_text().strip() and t.figure is not None
    ]
    return min(sizes, default=0.0) * fig.dpi / 72


def keep_text_legible(fig, column_px=COLUMN_PX, min_px=MIN_TEXT_PX) -> int:
    """Lay `fig` out and raise every text that would show below `min_px` CSS px once the figure
    is scaled to `column_px`; return how many texts were raised."""
    fig.draw_without_rendering()
    scale = min(1.0, column_px / (fig.get_figwidth() * fig.dpi))
    floor = min_px / scale * 72 / fig.dpi
    small = [t for t in fig.findobj(mpl.text.Text) if t.get_text().strip()]
    small = [t for t in small if t.get_fontsize() < floor]
    for text in small:
        text.set_fontsize(floor)
    return len(small)


def _png(fig) -> tuple[bytes, dict]:
    """`fig` as PNG bytes at DENSITY times its dpi, trimmed to its content, and its CSS size;
    the PNG records its smallest text height in CSS px (see `figure_png`)."""
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        dpi=fig.dpi * DENSITY,
        bbox_inches="tight",
        facecolor=fig.get_facecolor(),
        metadata={MIN_FONT_KEY: f"{smallest_text_px(fig):.2f}", "Software": None},
    )
    data = buffer.getvalue()
    width, height = (int.from_bytes(data[i : i + 4], "big") for i in (16, 20))
    return data, {"width": width // DENSITY, "height": height // DENSITY}


def _one_row_panels(fig):
    """The panels of `fig` if they are the cells of one 1 x n grid, else []."""
    panels = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    grids = {id(ax.get_subplotspec().get_gridspec()) for ax in panels}
    if len(grids) != 1:
        return []
    rows, _ = panels[0].get_subplotspec().get_gridspec().get_geometry()
    return panels if rows == 1 else []


def _colorbars_below(fig, ax):
    """Redraw each vertical colorbar of `ax` horizontally below it, with its label."""
    for cax in list(ax._colorbars):
        bar = cax._colorbar
        if bar.orientation != "vertical":
            continue
        label, shrink = cax.yaxis.label, cax._colorbar_info["shrink"]
        size = max((t.get_fontsize() for t in cax.get_yticklabels()), default=None)
        bar.remove()
        below = fig.colorbar(bar.mappable, ax=ax, location="bottom", shrink=shrink)
        below.set_label(label.get_text(), fontsize=label.get_fontsize())
        below.ax.tick_params(labelsize=size)


def _covers_data(legend, ax, renderer) -> bool:
    """Whether `legend`, drawn inside `ax`, lies over its lines or patches (points along
    each segment) or the points of its collections, in display pixels."""
    box = legend.get_window_extent(renderer)
    shapes = [*ax.lines, *ax.patches]
    points = [a.get_transform().transform(a.get_path().interpolated(16).vertices) for a in shapes]
    points += [c.get_offset_transform().transform(c.get_offsets()) for c in ax.collections]
    points = [p for p in points if len(p)]
    return any(box.count_contains(p) for p in points)


def _legend_misplaced(ax, renderer) -> bool:
    """Whether `ax` has a legend that lies outside it, or over its data."""
    legend = ax.get_legend()
    if legend is None:
        return False
    box = legend.get_window_extent(renderer)
    inside = ax.bbox.contains(*box.p0) and ax.bbox.contains(*box.p1)
    return not inside or _covers_data(legend, ax, renderer)


def _legend_below(legend, ax, renderer):
    """Anchor `legend` under the tick labels and label of `ax`'s x axis, centred in the
    figure (so that where it sits across does not depend on where the axes does)."""
    fig = ax.figure
    axis = ax.xaxis.get_tightbbox(renderer)  # None for an axis turned off
    drop = (ax.bbox.y0 - axis.y0 if axis else 0.0) / fig.dpi + 0.08
    shift = mpl.transforms.ScaledTranslation(0, -drop, fig.dpi_scale_trans)
    under = mpl.transforms.blended_transform_factory(fig.transFigure, ax.transAxes + shift)
    legend.set_loc("upper center")
    legend.set_bbox_to_anchor((0.5, 0), transform=under)


def _room(ax, renderer) -> float:
    """The width in pixels `ax` can have in its figure: the figure's less the tick labels and
    label on the left, any colorbar on the right, and the layout's padding."""
    axis = ax.yaxis.get_tightbbox(renderer)  # None for an axis turned off
    left = ax.bbox.x0 - axis.x0 if axis else 0.0
    bars = [cax.get_tightbbox(renderer) for cax in ax._colorbars]
    right = max((bar.x1 - ax.bbox.x1 for bar in bars), default=0.0)
    pad = 2 * 3 / 72 * ax.figure.dpi  # constrained layout's padding on either side
    return ax.figure.bbox.width - left - max(right, 0.0) - pad


def _fit_texts(fig, renderer):
    """Break a panel's title or x-axis label wider than its axes can be into lines as wide."""
    for ax in fig.axes:
        if hasattr(ax, "_colorbar"):
            continue
        room = _room(ax, renderer) if ax.get_subplotspec() else ax.bbox.width
        for text in (ax.title, ax.xaxis.label):
            text.set_wrap(False)
            words = " ".join(text.get_text().split())
            wide = text.get_window_extent(renderer).width
            if words and wide > room:
                text.set_text(textwrap.fill(words, max(8, int(len(words) * room / wide))))


def _thin_crowded_ticks(fig, renderer, gap_px=4) -> bool:
    """Keep every other major tick on an axis whose tick labels touch; True if any did."""
    crowded = False
    for ax in fig.axes:
        for axis, side in ((ax.xaxis, 0), (ax.yaxis, 1)):
            low, high = sorted(axis.get_view_interval())
            shown = [t for t in axis.get_major_ticks() if low <= t.get_loc() <= high]
            labels = [t.label1 for t in shown if t.label1.get_visible() and t.label1.get_text()]
            boxes = [t.get_window_extent(renderer).get_points()[:, side] for t in labels]
            spans = sorted(boxes, key=lambda span: span[0])
            if any(b[0] - a[1] < gap_px for a, b in zip(spans, spans[1:])):
                axis.set_ticks([t.get_loc() for t in shown][::2])
                crowded = True
    return crowded


def _square_slots(fig, grid, panels, heights, renderer):
    """Size the rows of `grid` so that each fixed-aspect panel's box is as wide as its row
    lets it be, and every other panel's row about heights[row] inches tall. Constrained
    layout keeps the axes' heights, without their titles, labels, legends and colorbars
    (its margins), in the ratios of the grid's height_ratios: the figure's height becomes
    the margins as they are now plus the axes' heights wanted."""
    width, height = fig.get_size_inches()
    boxes = []
    for row, ax in enumerate(panels):
        if ax.get_aspect() == "auto":
            parts = [ax.get_tightbbox(renderer)]
            parts += [c.get_tightbbox(renderer) for c in ax._colorbars]
            around = (mpl.transforms.Bbox.union(parts).height - ax.bbox.height) / fig.dpi
            boxes.append(heights[row] - around - 2 * PAD_IN)
        else:
            boxes.append(_room(ax, renderer) / fig.dpi * ax.bbox.height / ax.bbox.width)
    slots = sum(ax.get_position(original=True).height for ax in panels) * height
    grid.set_height_ratios(boxes)
    fig.set_size_inches(width, height + sum(boxes) - slots)


def narrow_layout(fig, width_in=PHONE_WIDTH_IN):
    """Re-lay `fig` out, in place, for a phone's column `width_in` inches wide: the panels of
    a one-row grid stacked in one column, each as tall as the figure was, or as tall as the
    width lets a fixed-aspect panel be; any other figure narrowed to that width at its height.
    A fixed-aspect panel's colorbars go horizontally below it; a legend outside its axes,
    or over its data, goes below the axes; long titles and labels break into lines; crowded
    tick labels lose every other tick. Returns False (and changes nothing) when the figure
    is that narrow already, or is a diagram (axes turned off), whose layout only its own code
    can redraw."""
    width, height = fig.get_size_inches()
    if width <= width_in or not all(ax.axison for ax in fig.axes):
        return False
    panels = _one_row_panels(fig)
    grid, heights = None, []
    if panels:
        heights = [height] * panels[0].get_subplotspec().get_gridspec().ncols
        grid = GridSpec(len(heights), 1, figure=fig, height_ratios=heights)
        for ax in panels:
            span = ax.get_subplotspec().colspan
            ax.set_subplotspec(grid[span.start : span.stop, 0])
        if isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
            fig.get_layout_engine().set(h_pad=PAD_IN)  # a gap between one panel and the next
    for ax in panels:
        if ax.get_aspect() != "auto":
            _colorbars_below(fig, ax)
    fig.set_size_inches(width_in, sum(heights) or height)
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    below = [ax for ax in fig.axes if _legend_misplaced(ax, renderer)]
    _fit_texts(fig, renderer)
    fig.draw_without_rendering()
    for ax in below:
        _legend_below(ax.get_legend(), ax, renderer)
    for ax in set(below) & set(panels):  # its row grows by the legend's height
        heights[panels.index(ax)] += ax.get_legend().get_window_extent(renderer).height / fig.dpi
    for _ in range(2 if grid is not None else 0):  # measured again once nearly settled
        for _ in range(2):  # constrained layout takes a few passes to settle
            fig.draw_without_rendering()
        _square_slots(fig, grid, panels, heights, renderer)
    for _ in range(2):
        fig.draw_without_rendering()
    for _ in range(3):
        fig.draw_without_rendering()
        if not _thin_crowded_ticks(fig, renderer):
            break
    return True


def set_phone_variant(fig, draw):
    """Give `fig` its own phone variant: `figure_png` calls `draw(narrow)` with a new, empty
    Figure `narrow`, which `draw` lays out for a phone's column and sizes (no wider than
    PHONE_WIDTH_IN inches), and stores it instead of restacking `fig` (`narrow_layout`)."""
    setattr(fig, PHONE_VARIANT, draw)


def _own_variant(fig):
    """The PNG and CSS size of the phone variant `fig` carries (`set_phone_variant`), its text
    raised where it would read below MIN_TEXT_PX in a phone's column."""
    narrow = Figure(dpi=fig.dpi)
    getattr(fig, PHONE_VARIANT)(narrow)
    keep_text_legible(narrow, column_px=PHONE_COLUMN_PX)
    narrow.draw_without_rendering()
    return _png(narrow)


def _restacked_variant(fig):
    """The PNG and CSS size of a copy of `fig` re-laid out by `narrow_layout`, or None if it
    declines; `fig` itself is left as it was. Text that would read below MIN_TEXT_PX in a
    phone's column is raised (PHONE_WIDTH_IN inches show unscaled on a phone)."""
    manager, fig.canvas.manager = fig.canvas.manager, None  # the copy stays out of pyplot
    try:
        narrow = pickle.loads(pickle.dumps(fig))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # a reader's figure holding what cannot be copied: shown without a variant
    finally:
        fig.canvas.manager = manager
    FigureCanvasAgg(narrow)
    if not narrow_layout(narrow):
        return None
    if keep_text_legible(narrow, column_px=PHONE_COLUMN_PX):
        narrow.draw_without_rendering()
    return _png(narrow)


def figure_png(fig) -> tuple[str, dict]:
    """The notebook output of a figure: a base64 PNG at DENSITY times its dpi, and metadata.

    Text too small to read once the figure is scaled to the book's column is enlarged first
    (`keep_text_legible`). The metadata gives the size to show it at and the PNG
    carries, as a text chunk, the smallest text height in CSS pixels at that size: the book's
    browser tests read it to check that figures stay legible once scaled to the page.

    A figure wider than a phone's column also gets a narrow variant for phones, drawn by
    `narrow_layout`, or by the figure's own function if it carries one (`set_phone_variant`),
    in the metadata under NARROW_KEY: {"png": base64, "width", "height"}
    (tools/figure_variants.py shows it in the HTML below 576 px). The figure itself is left
    as it was, so it can be shown again.
    """
    if keep_text_legible(fig):
        fig.draw_without_rendering()  # larger texts move the layout, and may change the ticks
    data, size = _png(fig)
    own = hasattr(fig, PHONE_VARIANT)
    variant = _own_variant(fig) if own else _restacked_variant(fig)
    if variant is not None:
        narrow, narrow_size = variant
        size[NARROW_KEY] = {"png": base64.b64encode(narrow).decode("ascii"), **narrow_size}
    return base64.b64encode(data).decode("ascii"), size


def use_sharp_figures(shell=None) -> bool:
    """Show matplotlib figures in Jupyter as `figure_png` does; return False outside IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    if "inline" in str(mpl.get_backend(auto_select=False)):
        # Importing the inline backend installs its own PNG formatter: let it, then replace it.
        import matplotlib_inline.backend_inline  # noqa: F401
    formatters = shell.display_formatter.formatters
    formatters["image/png"].for_type(Figure, figure_png)
    return True


mpl.rcParams.update(STYLE)
use_sharp_figures()


def _axes(ax, figsize=(4, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def plot_points(X, y, ax=None):
    """The samples X: (n, 2) as markers, class 0 blue circles, class 1 vermillion squares."""
    ax = _axes(ax)
    y = np.asarray(y).ravel() > 0.5
    for cls in (0, 1):
        pts = np.asarray(X)[y == cls]
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=90,
            c=CLASS_COLOURS[cls],
            marker=CLASS_MARKERS[cls],
            edgecolors="black",
            linewidths=1.2,
            zorder=3,
            label=f"target {cls}",
        )
    ax.set(xlabel="$x_1$", ylabel="$x_2$", aspect="equal")
    return ax


def plot_decision_boundary(net, X, y, ax=None, resolution=121, title=None):
    """The net's output over the square [-0.25, 1.25]^2 as shading, its 0.5 contour as a black
    line (the decision boundary), and the samples X: (n, 2), y: (n, 1) on top."""
    ax = _axes(ax)
    g = np.linspace(-0.25, 1.25, resolution)
    g1, g2 = np.meshgrid(g, g)
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    p = net.forward(grid).reshape(g1.shape)
    shade = ax.contourf(g1, g2, p, levels=np.linspace(0, 1, 11), cmap=OUTPUT_CMAP, vmin=0, vmax=1)
    if p.min() < 0.5 < p.max():
        ax.contour(g1, g2, p, levels=[0.5], colors="black", linewidths=2)
    plot_points(X, y, ax)
    ax.figure.colorbar(shade, ax=ax, shrink=0.8, label="network output")
    ax.set(xlim=(-0.25, 1.25), ylim=(-0.25, 1.25), title=title or "decision boundary")
    return ax


def plot_loss(*curves, labels=None, ax=None, log=True, title="training loss"):
    """Loss curves (each a 1-D array, or a `History`) against epochs, on a log scale by default."""
    ax = _axes(ax, figsize=(5, 3.2))
    colours = list(PALETTE.values())
    for i, c in enumerate(curves):
        values = np.asarray(getattr(c, "loss", c))
        label = labels[i] if labels else None
        ax.plot(np.arange(len(values)), values, color=colours[i % len(colours)], lw=2, label=label)
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    if log:
        ax.set_yscale("log")
    if labels:
        ax.legend(frameon=False)
    ax.grid(alpha=0.3)
    return ax


def plot_hidden_lines(net, X, y, ax=None, title="hidden units as lines"):
    """Each first-layer hidden unit j as its line w_1j x_1 + w_2j x_2 + b_j = 0 over the
    square, with a tick toward the side where it is active (z > 0). Needs 2 inputs.
    A ReLU unit with z <= 0 on every sample (dead) is drawn dashed and grey."""
    ax = plot_points(X, y, _axes(ax))
    W = net.params["W1"]
    b = net.params.get("b1", np.zeros(W.shape[1]))
    zs, _ = net.layers(X)
    relu_like = net.spec.hidden in ("relu", "leaky_relu")
    colours = [PALETTE[c] for c in ("green", "orange", "purple", "sky", "grey", "yellow")]
    t = np.linspace(-0.25, 1.25, 200)
    for j in range(W.shape[1]):
        w1, w2, bj = W[0, j], W[1, j], b[j]
        dead = relu_like and np.all(zs[0][:, j] <= 0)
        style = dict(
            color=PALETTE["grey"] if dead else colours[j % len(colours)],
            lw=2,
            ls="--" if dead else "-",
            label=f"unit {j + 1}" + (" (dead)" if dead else ""),
        )
        if abs(w2) > abs(w1):
            ax.plot(t, -(w1 * t + bj) / w2, **style)
        elif abs(w1) > 0:
            ax.plot(-(w2 * t + bj) / w1, t, **style)
        else:
            ax.plot([], [], **style)
    ax.set(xlim=(-0.25, 1.25), ylim=(-0.25, 1.25), title=title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, frameon=False)
    return ax
