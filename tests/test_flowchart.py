"""The field guide's flowchart: every node drawn, every edge between existing nodes, every
question leads somewhere and every route ends at a cause."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from xorlab import flowchart


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
