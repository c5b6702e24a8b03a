"""The field guide's flowchart: from "my network does not learn" to the likely cause.

`NODES` holds each box (text, kind, position), `EDGES` the arrows (from, to, answer label);
`draw_flowchart` draws them with matplotlib, `paths` lists every route from the start to a
cause (the alt text of the figure is written from them).
"""

from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .plots import PALETTE


@dataclass(frozen=True)
class Node:
    """A box: its `text`, its `kind` ("start", "question" or "cause") and its centre (x, y)."""

    text: str
    kind: str
    x: float
    y: float


NODES = {
    "start": Node("My network\ndoes not learn", "start", 6.3, 9.0),
    "gradcheck": Node("Gradient check\npasses?", "question", 6.3, 7.6),
    # the gradient is wrong: read the pattern of the error
    "cosine": Node("Cosine, yours vs\nfinite differences?", "question", 2.4, 6.2),
    "sign": Node("Sign flip\nerror reversed", "cause", 0.0, 4.6),
    "ratio": Node("Same ratio for\nevery entry?", "question", 2.4, 4.6),
    "zeros": Node("Entries\nexactly 0?", "question", 5.3, 4.6),
    "scale": Node("Constant factor\nsum vs mean, 1/n", "cause", 1.1, 3.0),
    "zero": Node("Missing term\nnot computed", "cause", 3.5, 3.0),
    "factor": Node("Wrong derivative\nfactor varies", "cause", 5.95, 3.0),
    # the gradient is right: look at training and at the model
    "loss": Node("Loss in a\nshort run?", "question", 10.2, 6.2),
    "step": Node("Update is\nw - lr g ?", "question", 8.4, 4.6),
    "fit": Node("Can Adam fit\nthe data?", "question", 12.0, 4.6),
    "plus": Node("Update sign\nw + lr g climbs", "cause", 8.4, 3.0),
    "lr": Node("Learning rate\ntoo large", "cause", 10.8, 3.0),
    "capacity": Node("Capacity\nno bias, linear", "cause", 13.2, 3.0),
    "start_pt": Node("Bad start\nidentical units,\nsaturation", "cause", 14.9, 4.6),
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
BOX = (2.2, 1.0)  # width and height of a box, in data units


def draw_flowchart(ax=None, fontsize=9.5):
    """Draw every node of `NODES` as a box and every edge of `EDGES` as a labelled arrow.
    Returns the Axes; its `patches` are the boxes followed by the arrows."""
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 5.2), layout="constrained")
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
