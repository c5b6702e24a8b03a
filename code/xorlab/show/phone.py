"""A figure re-laid out for a phone's text column (`narrow_layout`): the panels of a one-row
grid stacked in one column, colorbars, legends, titles and tick labels rearranged to fit.

Matplotlib's constrained layout places the axes; the rows' heights are computed here from
what it measured. Each layout pass (a `draw_without_rendering`) costs about as much as drawing
the figure, so there are four: one at the phone's width, two sizing the rows (none for a
figure that is not a grid), one final (and one more after any thinning of crowded ticks).
"""

import textwrap

import matplotlib as mpl
from matplotlib.gridspec import GridSpec
from matplotlib.layout_engine import ConstrainedLayoutEngine

from .style import PHONE_WIDTH_IN

# The padding, in inches, around each panel of a phone variant.
PAD_IN = 0.12


def _colorbars(ax) -> list:
    """The colorbars of what `ax` shows (its images, contours and scatters), each once,
    found through their mappables (`ScalarMappable.colorbar`, public): a colorbar of a bare
    ScalarMappable that no axes shows is not found, as matplotlib links axes to their
    colorbars only privately (`Axes._colorbars`)."""
    shown = [*ax.collections, *ax.images]
    bars = [artist.colorbar for artist in shown if getattr(artist, "colorbar", None)]
    return list({id(bar): bar for bar in bars}.values())


def _colorbar_axes(fig) -> set:
    """The axes of `fig` that hold a colorbar rather than a panel."""
    return {bar.ax for ax in fig.axes for bar in _colorbars(ax)}


def _placed_shrink(bar):
    """The `shrink` that `Figure.colorbar(..., ax=...)` placed `bar` beside its axes with, or
    None for a colorbar drawn in axes of its own (`cax=`), which stays where it is.
    Matplotlib (3.11) keeps it only in the colorbar axes' private `_colorbar_info`, the
    dict its layout engines read: no public getter returns it."""
    info = getattr(bar.ax, "_colorbar_info", None)
    return None if info is None else info["shrink"]


def _one_row_panels(fig):
    """The panels of `fig` if they are the cells of one 1 x n grid, else []."""
    panels = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    grids = {id(ax.get_subplotspec().get_gridspec()) for ax in panels}
    if len(grids) != 1:
        return []
    rows, _ = panels[0].get_subplotspec().get_gridspec().get_geometry()
    return panels if rows == 1 else []


def _colorbars_below(fig, ax):
    """Redraw each vertical colorbar placed beside `ax` horizontally below it, with its label."""
    for bar in _colorbars(ax):
        shrink = _placed_shrink(bar)
        if bar.orientation != "vertical" or shrink is None:
            continue
        label = bar.ax.yaxis.label
        size = max((t.get_fontsize() for t in bar.ax.get_yticklabels()), default=None)
        bar.remove()
        below = fig.colorbar(bar.mappable, ax=ax, location="bottom", shrink=shrink)
        below.set_label(label.get_text(), fontsize=label.get_fontsize())
        below.ax.tick_params(labelsize=size)


def _rows(panels) -> list:
    """The panels of a one-row grid grouped by the columns they span, left to right: each
    group (a panel, and any twin sharing its cell) becomes a row of the stacked figure."""
    spans = {}
    for ax in panels:
        columns = ax.get_subplotspec().colspan
        spans.setdefault((columns.start, columns.stop), []).append(ax)
    return [spans[key] for key in sorted(spans)]


def _restack(fig, rows, height):
    """Move each group of panels in `rows` into a row of one new column, each row `height`
    inches tall for now; the colorbars of fixed-aspect panels go below them. Returns the
    grid and its rows' heights (inches)."""
    heights = [height] * len(rows)
    grid = GridSpec(len(rows), 1, figure=fig, height_ratios=heights)
    for index, row in enumerate(rows):
        for ax in row:
            ax.set_subplotspec(grid[index, 0])
            if ax.get_aspect() != "auto":
                _colorbars_below(fig, ax)
    if isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        fig.get_layout_engine().set(h_pad=PAD_IN)  # a gap between one panel and the next
    return grid, heights


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
    bars = [bar.ax.get_tightbbox(renderer) for bar in _colorbars(ax)]
    right = max((bar.x1 - ax.bbox.x1 for bar in bars), default=0.0)
    pad = 2 * 3 / 72 * ax.figure.dpi  # constrained layout's padding on either side
    return ax.figure.bbox.width - left - max(right, 0.0) - pad


def _fit_texts(fig, renderer):
    """Break a panel's title or x-axis label wider than its axes can be into lines as wide."""
    bars = _colorbar_axes(fig)
    for ax in (ax for ax in fig.axes if ax not in bars):
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


def _box_ratios(rows) -> dict:
    """Each row's tallest fixed-aspect panel and the height over the width of its box as last
    drawn (its aspect applied): {row: (panel, ratio)}."""
    ratios = {}
    for row, panels in enumerate(rows):
        fixed = [(ax, ax.bbox.height / ax.bbox.width) for ax in panels if ax.get_aspect() != "auto"]
        if fixed:
            ratios[row] = max(fixed, key=lambda pair: pair[1])
    return ratios


def _square_slots(fig, grid, rows, heights, ratios, renderer):
    """Size the rows of `grid` so that a row's fixed-aspect panel (in `ratios`, drawn
    filling its cell meanwhile) is as tall as its cell's width lets it be, and every other row's
    panels about heights[row] inches tall. Constrained layout keeps the axes' heights, without
    their titles, labels, legends and colorbars (its margins), in the ratios of the grid's
    height_ratios: the figure's height becomes the margins as they are now plus the axes'
    heights wanted."""
    width, height = fig.get_size_inches()
    boxes = []
    for row, panels in enumerate(rows):
        if row in ratios:
            panel, ratio = ratios[row]
            boxes.append(panel.bbox.width / fig.dpi * ratio)  # as wide as its cell
            continue
        parts = [ax.get_tightbbox(renderer) for ax in panels]
        parts += [bar.ax.get_tightbbox(renderer) for ax in panels for bar in _colorbars(ax)]
        around = (mpl.transforms.Bbox.union(parts).height - panels[0].bbox.height) / fig.dpi
        boxes.append(heights[row] - around - 2 * PAD_IN)
    cells = sum(panels[0].get_position(original=True).height for panels in rows) * height
    grid.set_height_ratios(boxes)
    fig.set_size_inches(width, height + sum(boxes) - cells)


def _size_rows(fig, grid, rows, heights, renderer):
    """Layout passes 2 and 3: size the rows (`_square_slots`), then measure and size them
    again, crowded ticks thinned in between. Meanwhile each fixed-aspect panel fills its
    cell, so that constrained layout puts its labels outside the cell, as it will once the
    cell is as tall as the panel's box."""
    ratios = _box_ratios(rows)
    aspects = [(ax, ax.get_aspect()) for panels in rows for ax in panels]
    aspects = [(ax, aspect) for ax, aspect in aspects if aspect != "auto"]
    for panel, _ in aspects:
        panel.set_aspect("auto")
    for again in range(2):
        fig.draw_without_rendering()
        if again:  # the panels about as wide as they will be: their ticks thinned now
            _thin_crowded_ticks(fig, renderer)
        _square_slots(fig, grid, rows, heights, ratios, renderer)
    for panel, aspect in aspects:
        panel.set_aspect(aspect)


def narrow_layout(fig, width_in=PHONE_WIDTH_IN, stack=True):
    """Re-lay `fig` out, in place, for a phone's column `width_in` inches wide: the panels of
    a one-row grid stacked in one column, each as tall as the figure was, or as tall as the
    width lets a fixed-aspect panel be; any other figure narrowed to that width at its height.
    With `stack=False` a one-row grid keeps its row, as tall as the width lets its tallest
    fixed-aspect panel be (a frame player's frame, which must fit on screen with its slider).
    A fixed-aspect panel's colorbars go horizontally below it; a legend outside its axes,
    or over its data, goes below the axes; long titles and labels break into lines; crowded
    tick labels lose every other tick. Returns True with `fig` laid out as it will be drawn;
    or False (and changes nothing) when the figure is that narrow already, or is a diagram
    (axes turned off), whose layout only its own code can redraw."""
    width, height = fig.get_size_inches()
    if width <= width_in or not all(ax.axison for ax in fig.axes):
        return False
    panels = _one_row_panels(fig)
    if stack:
        rows = _rows(panels)
        grid, heights = _restack(fig, rows, height) if rows else (None, [])
    else:  # the row as one row of panels, in its own grid
        rows = [panels] if panels else []
        grid = panels[0].get_subplotspec().get_gridspec() if panels else None
        heights = [height] if panels else []
    fig.set_size_inches(width_in, sum(heights) or height)
    fig.draw_without_rendering()  # pass 1: legends and texts measured at the phone's width
    renderer = fig.canvas.get_renderer()
    below = [ax for ax in fig.axes if _legend_misplaced(ax, renderer)]
    _fit_texts(fig, renderer)
    for ax in below:  # under the x axis as wrapped: its box is measured anew, with no layout
        legend = ax.get_legend()
        _legend_below(legend, ax, renderer)
        for row in [row for row, panels in enumerate(rows) if ax in panels]:
            heights[row] += legend.get_window_extent(renderer).height / fig.dpi  # it grows
    if grid is not None:
        _size_rows(fig, grid, rows, heights, renderer)
    fig.draw_without_rendering()  # the last pass, once more after each thinning of ticks
    for _ in range(3):
        if not _thin_crowded_ticks(fig, renderer):
            break
        fig.draw_without_rendering()
    return True
