"""The field guide's flowchart: every node drawn, every edge between existing nodes, every
question leads somewhere and every route ends at a cause."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from xorlab import flowchart, plots


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


def test_every_node_is_drawn_once_with_its_text():
    ax = flowchart.draw_flowchart()
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    texts = [t.get_text() for t in ax.texts]
    assert len(boxes) == len(flowchart.NODES)
    assert len(arrows) == len(flowchart.EDGES)
    for node in flowchart.NODES.values():
        assert texts.count(node.text) == 1
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


def _extents(fig):
    """Lay `fig` out as the notebook shows it (texts raised to stay legible in the book's
    column) and return the renderer."""
    plots.keep_text_legible(fig)
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


@pytest.mark.parametrize("figsize", [None, (7, 4.45)])
def test_every_text_fits_its_box_as_shown(figsize):
    """Each box's text inside its box, each answer clear of the boxes and of the other answers,
    measured by matplotlib's renderer at the size the book shows: the default figure (the field
    guide's) and a narrower one of the same shape, whose texts are raised more."""
    ax = None if figsize is None else plt.subplots(figsize=figsize, layout="constrained")[1]
    ax = flowchart.draw_flowchart(ax=ax)
    renderer = _extents(ax.figure)
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
