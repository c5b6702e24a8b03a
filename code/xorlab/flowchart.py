"""The field guide's flowchart: from "my network does not learn" to the likely cause.

`NODES` holds each box (text, kind, position), `EDGES` the arrows (from, to, answer label);
`draw_flowchart` draws them with matplotlib, `paths` lists every route from the start to a
cause (the alt text of the figure is written from them).
"""

from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from . import plots
from .plots import PALETTE


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
# (`plots.keep_text_legible`): per inch of figure width that is this many points. The boxes
# scale with the figure, so a font that scales with it too keeps every text in its box.
POINTS_PER_INCH = 1.04 * plots.MIN_TEXT_PX * 72 / plots.COLUMN_PX


def draw_flowchart(ax=None, fontsize=None):
    """Draw every node of `NODES` as a box and every edge of `EDGES` as a labelled arrow.
    `fontsize` (points) defaults to the size that stays legible in the book and fits the boxes
    at the figure's width. Returns the Axes; its `patches` are the boxes followed by the arrows."""
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 7), layout="constrained")
    if fontsize is None:
        fontsize = POINTS_PER_INCH * ax.figure.get_figwidth()
    w, h = BOX
    for node in NODES.values():
        box = FancyBboxPatch(
            (node.x - w / 2, node.y - h / 2),
            w,
            h,
            boxstyle="round,pad=0.05,rounding_size=0.15",
            facecolor="white",
            edgecolor=COLOURS[node.kind],
            linewidth=2 if node.kind == "cause" else 1.5,
        )
        ax.add_patch(box)
        weight = "bold" if node.kind == "cause" else "normal"
        ax.text(
            node.x,
            node.y,
            node.text,
            ha="center",
            va="center",
            fontsize=fontsize,
            fontweight=weight,
        )
    for a, b, label in EDGES:
        start, end = _anchor(NODES[a], NODES[b])
        ax.add_patch(
            FancyArrowPatch(
                start,
                end,
                arrowstyle="-|>",
                mutation_scale=12,
                color=PALETTE["grey"],
                linewidth=1.2,
            )
        )
        if label:
            mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
            ax.text(
                mx,
                my,
                label,
                ha="center",
                va="center",
                fontsize=fontsize - 1,
                color=PALETTE["blue"],
                style="italic",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
            )
    xs = [n.x for n in NODES.values()]
    ys = [n.y for n in NODES.values()]
    ax.set(
        xlim=(min(xs) - w / 2 - 0.2, max(xs) + w / 2 + 0.2),
        ylim=(min(ys) - h / 2 - 0.2, max(ys) + h / 2 + 0.2),
    )
    ax.set_axis_off()
    return ax


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
