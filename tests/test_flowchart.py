"""The field guide's flowchart: every node drawn, every edge between existing nodes, every
question leads somewhere and every route ends at a cause."""

import base64
import re
import struct

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from xorlab.show import flowchart, plots


def test_edges_connect_existing_nodes():
    for a, b, _ in flowchart.EDGES:
        assert a in flowchart.NODES and b in flowchart.NODES, (a, b)


def test_questions_branch_and_causes_end():
    for name, node in flowchart.NODES.items():
        out = [b for a, b, _ in flowchart.EDGES if a == name]
        if node.kind == "question":
            assert len(out) >= 2, f"question {name} needs at least two answers"
        if node.kind == "cause":
            assert not out, f"cause {name} should end a route"


def phone_flowchart():
    """The flowchart's phone variant as `plots.figure_png` lays it out: drawn on a new Figure,
    texts raised where they would read too small in a phone's column."""
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = flowchart.draw_narrow_flowchart(fig)
    plots.keep_text_legible(fig, column_px=plots.PHONE_COLUMN_PX)
    return ax


@pytest.mark.parametrize("phone", [False, True])
def test_every_node_is_drawn_once_with_its_text(phone):
    ax = phone_flowchart() if phone else flowchart.draw_flowchart()
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    texts = [t.get_text() for t in ax.texts]
    assert len(boxes) == len(flowchart.NODES)
    assert len(arrows) == len(flowchart.EDGES)
    for node in flowchart.NODES.values():
        assert texts.count(node.text) == 1
    answers = sorted(label for *_, label in flowchart.EDGES if label)
    assert sorted(t for t in texts if t not in {n.text for n in flowchart.NODES.values()}) == (
        answers
    )
    plt.close(ax.figure)


def test_boxes_do_not_overlap():
    w, h = flowchart.BOX
    nodes = list(flowchart.NODES.values())
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            assert abs(a.x - b.x) >= w or abs(a.y - b.y) >= h, (a.text, b.text)


def test_paths_reach_every_cause_from_the_start():
    routes = flowchart.paths()
    ends = {r[-1][0] for r in routes}
    causes = {k for k, n in flowchart.NODES.items() if n.kind == "cause"}
    assert ends == causes
    assert all(r[0][0] == "start" for r in routes)
    with pytest.raises(ValueError, match="unknown node"):
        flowchart.paths("nowhere")


@pytest.mark.parametrize("figsize", [None, (7, 4.45), "phone"])
def test_every_text_fits_its_box_as_shown(figsize):
    """Each box's text inside its box, each answer clear of the boxes and of the other answers,
    measured by matplotlib's renderer at the size the book shows: the default figure (the field
    guide's), a narrower one of the same shape, whose texts are raised more, and the phone
    variant."""
    if figsize == "phone":
        ax = phone_flowchart()
    else:
        ax = None if figsize is None else plt.subplots(figsize=figsize, layout="constrained")[1]
        ax = flowchart.draw_flowchart(ax=ax)
        plots.keep_text_legible(ax.figure)
    ax.figure.draw_without_rendering()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    nodes = {n.text for n in flowchart.NODES.values()}
    by_text = {t.get_text(): t for t in ax.texts if t.get_text() in nodes}
    for node, box in zip(flowchart.NODES.values(), boxes):
        inner = box.get_window_extent(renderer)
        text = by_text[node.text].get_window_extent(renderer)
        assert inner.x0 < text.x0 and text.x1 < inner.x1, f"{node.text!r} too wide for its box"
        assert inner.y0 < text.y0 and text.y1 < inner.y1, f"{node.text!r} too tall for its box"
    answers = [t for t in ax.texts if t.get_text() not in by_text]
    assert len(answers) == sum(1 for *_, label in flowchart.EDGES if label)
    extents = [a.get_window_extent(renderer) for a in answers]
    for answer, extent in zip(answers, extents):
        for node, box in zip(flowchart.NODES.values(), boxes):
            assert not extent.overlaps(box.get_window_extent(renderer)), (
                f"answer {answer.get_text()!r} runs into the box {node.text!r}"
            )
    for i, a in enumerate(extents):
        for j in range(i + 1, len(extents)):
            assert not a.overlaps(extents[j]), (answers[i].get_text(), answers[j].get_text())
    plt.close(ax.figure)


def _boxes_and_arrows(ax):
    """Each box's extent (in NODES order) and each arrow's shaft and head as arrays of
    vertices (in EDGES order), in display pixels."""
    ax.figure.draw_without_rendering()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = []
    for arrow in (p for p in ax.patches if isinstance(p, FancyArrowPatch)):
        shaft, head = arrow.get_path().to_polygons(closed_only=False)
        arrows.append((ax.transData.transform(shaft), ax.transData.transform(head)))
    return boxes, arrows


def _crosses(p, q, r, s):
    """Whether the segments p-q and r-s (points as numpy arrays) cross, touching excluded."""

    def turn(a, b, c):
        return np.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))

    return turn(p, q, r) * turn(p, q, s) < 0 and turn(r, s, p) * turn(r, s, q) < 0


def test_the_phone_variant_is_narrow_tall_and_unambiguous():
    """At most three boxes a row, each arrow from its box to the right box without passing
    through another, and no two arrows crossing: one reading of every arrow."""
    ax = phone_flowchart()
    boxes, arrows = _boxes_and_arrows(ax)
    rows = {}
    for box in boxes:
        rows.setdefault(round(box.y0), []).append(box)
    assert len(rows) >= 6 and max(len(row) for row in rows.values()) <= 3
    names = list(flowchart.NODES)
    for (a, b, _), (shaft, head) in zip(flowchart.EDGES, arrows):
        source, target = boxes[names.index(a)], boxes[names.index(b)]
        assert source.padded(4).contains(*shaft[0]), f"{a} -> {b} starts away from {a}"
        tip = head[np.argmin([np.hypot(*(v - target.get_points().mean(0))) for v in head])]
        assert target.padded(4).contains(*tip), f"{a} -> {b} ends away from {b}"
        points = np.concatenate(
            [np.linspace(p, q, 40) for p, q in zip(shaft[:-1], shaft[1:])] + [head]
        )
        for name, box in zip(names, boxes):
            if box not in (source, target):
                inside = [box.padded(-2).contains(*point) for point in points]
                assert not any(inside), f"{a} -> {b} runs through {name}"
    for i in range(len(arrows)):
        for j in range(i + 1, len(arrows)):
            (p, _), (q, _) = arrows[i], arrows[j]
            for k in range(len(p) - 1):
                for m in range(len(q) - 1):
                    assert not _crosses(p[k], p[k + 1], q[m], q[m + 1]), (
                        flowchart.EDGES[i],
                        flowchart.EDGES[j],
                    )
    plt.close(ax.figure)


def test_the_field_guide_figure_carries_its_phone_variant():
    """Shown through the notebook's formatter, the flowchart brings its phone variant: as
    wide as a phone's column at most (so shown at its size), its smallest text 9 CSS px or
    more there, the smallest text of the drawing recorded as it is."""
    ax = flowchart.draw_flowchart()
    _, meta = plots.figure_png(ax.figure)
    narrow = meta[plots.NARROW_KEY]
    assert narrow["width"] <= plots.PHONE_COLUMN_PX and narrow["height"] > 2 * narrow["width"]
    png = base64.b64decode(narrow["png"])
    width, height = struct.unpack(">II", png[16:24])
    assert (width // 2, height // 2) == (narrow["width"], narrow["height"])
    recorded = float(re.search(rb"xorlab:min-font-px\0([0-9.]+)", png)[1])
    drawn = phone_flowchart()
    smallest = min(t.get_fontsize() for t in drawn.texts) * drawn.figure.dpi / 72
    assert recorded == pytest.approx(smallest, abs=0.01)
    assert recorded * min(1, plots.PHONE_COLUMN_PX / narrow["width"]) >= 9
    plt.close(ax.figure)
    plt.close(drawn.figure)
