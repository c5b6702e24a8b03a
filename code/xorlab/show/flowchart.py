"""The field guide's flowchart: from "my network does not learn" to the likely cause.

`NODES` holds each box (text, kind, position), `EDGES` the arrows (from, to, answer label);
`draw_flowchart` draws them with matplotlib, and `draw_narrow_flowchart` in a tall layout for
phones (`NARROW`); `paths` lists every route from the start to a cause (the alt text of the
figure is written from them).
"""

from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.path import Path

from .png import set_phone_variant
from .style import COLUMN_PX, MIN_TEXT_PX, PALETTE


@dataclass(frozen=True)
class Node:
    """A box: its `text`, its `kind` ("start", "question" or "cause") and its centre (x, y)."""

    text: str
    kind: str
    x: float
    y: float


NODES = {
    "start": Node("My network\ndoes not\nlearn", "start", 6.3, 10.0),
    "gradcheck": Node("Gradient\ncheck passes?", "question", 6.3, 8.4),
    # the gradient is wrong: read the pattern of the error
    "cosine": Node("Cosine, yours\nvs finite\ndifferences?", "question", 2.4, 6.6),
    "sign": Node("Sign flip\nerror\nreversed", "cause", 0.0, 4.4),
    "ratio": Node("Same ratio\nfor every\nentry?", "question", 2.4, 4.4),
    "zeros": Node("Entries\nexactly 0?", "question", 5.3, 4.4),
    "scale": Node("Constant\nfactor sum\nvs mean, 1/n", "cause", 1.1, 2.6),
    "zero": Node("Missing\nterm not\ncomputed", "cause", 3.5, 2.6),
    "factor": Node("Wrong\nderivative\nfactor varies", "cause", 5.95, 2.6),
    # the gradient is right: look at training and at the model
    "loss": Node("Loss in a\nshort run?", "question", 10.2, 6.6),
    "step": Node("Update is\nw - lr g ?", "question", 8.4, 4.4),
    "fit": Node("Can Adam fit\nthe data?", "question", 12.0, 4.4),
    "plus": Node("Update sign\nw + lr g\nclimbs", "cause", 8.4, 2.6),
    "lr": Node("Learning\nrate too\nlarge", "cause", 10.8, 2.6),
    "capacity": Node("Capacity\nno bias,\nlinear", "cause", 13.2, 2.6),
    "start_pt": Node("Bad start\nidentical\nunits,\nsaturation", "cause", 14.9, 4.4),
}

EDGES = [
    ("start", "gradcheck", ""),
    ("gradcheck", "cosine", "no"),
    ("gradcheck", "loss", "yes"),
    ("cosine", "sign", "about -1"),
    ("cosine", "ratio", "about +1"),
    ("cosine", "zeros", "in between"),
    ("ratio", "scale", "yes"),
    ("ratio", "zeros", "no"),
    ("zeros", "zero", "yes"),
    ("zeros", "factor", "no"),
    ("loss", "step", "rises or\noscillates"),
    ("loss", "lr", "NaN"),
    ("loss", "fit", "flat or\nstuck"),
    ("step", "plus", "no"),
    ("step", "lr", "yes"),
    ("fit", "capacity", "no"),
    ("fit", "start_pt", "yes"),
]

COLOURS = {"start": PALETTE["grey"], "question": PALETTE["blue"], "cause": PALETTE["vermillion"]}
BOX = (2.2, 1.2)  # width and height of a box, in data units
# The book shows a figure at most COLUMN_PX wide and raises smaller text to MIN_TEXT_PX
# (`png.keep_text_legible`): per inch of figure width that is this many points. The boxes
# scale with the figure, so a font that scales with it too keeps every text in its box.
POINTS_PER_INCH = 1.04 * MIN_TEXT_PX * 72 / COLUMN_PX


def draw_flowchart(ax=None, fontsize=None):
    """Draw every node of `NODES` as a box and every edge of `EDGES` as a labelled arrow.
    `fontsize` (points) defaults to the size that stays legible in the book and fits the boxes
    at the figure's width. Returns the Axes; its `patches` are the boxes followed by the arrows.
    A figure drawn here (`ax` None) carries its phone variant, `draw_narrow_flowchart`."""
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 7), layout="constrained")
        set_phone_variant(ax.figure, draw_narrow_flowchart)
    if fontsize is None:
        fontsize = POINTS_PER_INCH * ax.figure.get_figwidth()
    centres = {name: (node.x, node.y) for name, node in NODES.items()}
    _draw_boxes(ax, centres, BOX, fontsize, pad=0.05, rounding=0.15)
    for a, b, label in EDGES:
        start, end = _anchor(NODES[a], NODES[b])
        _draw_arrow(ax, [start, end], label, fontsize - 1)
    xs = [n.x for n in NODES.values()]
    ys = [n.y for n in NODES.values()]
    w, h = BOX
    ax.set(
        xlim=(min(xs) - w / 2 - 0.2, max(xs) + w / 2 + 0.2),
        ylim=(min(ys) - h / 2 - 0.2, max(ys) + h / 2 + 0.2),
    )
    ax.set_axis_off()
    return ax


# The phone layout: each node's (column, row), rows counted downward, at most three boxes a
# row. An arrow within a row runs side to side, one to the next row from bottom to top (from
# off the centre when it runs aslant), and one that skips rows (the gradient check's "yes")
# along the right margin.
NARROW = {
    "start": (1, 0),
    "gradcheck": (1, 1),
    "cosine": (1, 2),
    "sign": (0, 3),
    "ratio": (1, 3),
    "zeros": (2, 3),
    "scale": (0, 4),
    "zero": (1, 4),
    "factor": (2, 4),
    "loss": (1, 5),
    "step": (0, 6),
    "lr": (1, 6),
    "fit": (2, 6),
    "plus": (0, 7),
    "capacity": (1, 7),
    "start_pt": (2, 7),
}
# In inches, as drawn (a phone shows the figure at its size): a box, the room between columns
# and between rows, the right margin and the border around it all; the sizes of the boxes'
# texts and of the answers, in points (7.2 pt: 10 CSS px at the figure's 100 dpi).
NARROW_BOX = (0.8, 0.6)
NARROW_GAP = (0.35, 0.42)
NARROW_MARGIN = 0.15
NARROW_BORDER = 0.05
NARROW_FONTSIZE = (7.2, 6.9)


def draw_narrow_flowchart(fig):
    """Draw the flowchart of `NODES` and `EDGES` on the empty Figure `fig` in a tall layout
    for a phone's column (`NARROW`), and size `fig` to it: at most style.PHONE_WIDTH_IN inches
    wide. Returns the Axes, which spans the figure with one data unit per inch; its `patches`
    are the boxes followed by the arrows."""
    (w, h), (gx, gy), border = NARROW_BOX, NARROW_GAP, NARROW_BORDER
    pad = 0.03  # the boxes' outline lies this far outside (w, h)
    columns = 1 + max(c for c, _ in NARROW.values())
    rows = 1 + max(r for _, r in NARROW.values())
    width = columns * w + (columns - 1) * gx + NARROW_MARGIN
    height = rows * h + (rows - 1) * gy
    fig.set_size_inches(width + 2 * border, height + 2 * border)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set(xlim=(-border, width + border), ylim=(-height - border, border))
    ax.set_axis_off()
    centres = {
        name: (w / 2 + c * (w + gx), -h / 2 - r * (h + gy)) for name, (c, r) in NARROW.items()
    }
    text_size, answer_size = NARROW_FONTSIZE
    _draw_boxes(ax, centres, NARROW_BOX, text_size, pad=pad, rounding=0.08)
    for a, b, label in EDGES:
        (xa, ya), (xb, yb) = centres[a], centres[b]
        rows_apart = NARROW[b][1] - NARROW[a][1]
        if rows_apart == 0:
            side = 1 if xb > xa else -1
            points = [(xa + side * w / 2, ya), (xb - side * w / 2, yb)]
        elif rows_apart == 1:
            aslant = 0.3 * w * ((xb > xa) - (xb < xa))
            points = [(xa + aslant, ya - h / 2), (xb, yb + h / 2)]
        else:
            edge = width - NARROW_MARGIN / 2
            points = [(xa + w / 2 + pad, ya), (edge, ya), (edge, yb), (xb + w / 2 + pad, yb)]
        _draw_arrow(ax, points, label, answer_size)
    return ax


def _draw_boxes(ax, centres, size, fontsize, pad, rounding):
    """Each node of `NODES` as a box of `size` (data units) around its centre in `centres`
    ({node id: (x, y)}), outlined in its kind's colour, with its text in it."""
    w, h = size
    for name, node in NODES.items():
        x, y = centres[name]
        box = FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle=f"round,pad={pad},rounding_size={rounding}",
            facecolor="white",
            edgecolor=COLOURS[node.kind],
            linewidth=2 if node.kind == "cause" else 1.5,
        )
        ax.add_patch(box)
        weight = "bold" if node.kind == "cause" else "normal"
        ax.text(x, y, node.text, ha="center", va="center", fontsize=fontsize, fontweight=weight)


def _draw_arrow(ax, points, label, fontsize):
    """An arrow through `points` [(x, y), ...] (data units; from two points it stops just
    short of both), and its answer `label`, if any, on a white patch halfway along the first
    leg."""
    style = dict(arrowstyle="-|>", mutation_scale=12, color=PALETTE["grey"], linewidth=1.2)
    if len(points) == 2:
        ax.add_patch(FancyArrowPatch(*points, **style))
    else:
        ax.add_patch(FancyArrowPatch(path=Path(points), **style))
    if label:
        (x0, y0), (x1, y1) = points[:2]
        ax.text(
            (x0 + x1) / 2,
            (y0 + y1) / 2,
            label,
            ha="center",
            va="center",
            fontsize=fontsize,
            color=PALETTE["blue"],
            style="italic",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )


def _anchor(a, b):
    """Arrow endpoints on the borders of boxes a and b: bottom to top when b lies lower,
    side to side when both sit at the same height."""
    w, h = BOX
    if abs(a.y - b.y) < 1e-9:
        side = 1 if b.x > a.x else -1
        return (a.x + side * w / 2, a.y), (b.x - side * w / 2, b.y)
    return (a.x, a.y - h / 2), (b.x, b.y + h / 2)


def paths(start="start"):
    """Every route from `start` to a cause, as lists of (node id, answer label) pairs; the last
    pair's label is empty."""
    if start not in NODES:
        raise ValueError(f"unknown node {start!r}; choose from {sorted(NODES)}")
    out = []

    def walk(node, so_far):
        nexts = [(b, label) for a, b, label in EDGES if a == node]
        if not nexts:
            out.append([*so_far, (node, "")])
        for b, label in nexts:
            walk(b, [*so_far, (node, label)])

    walk(start, [])
    return out
