"""The ways into a chapter, short of running one: the install cell, the reader-facing install
text, package data, and what explorers and frame players say and do in a notebook.

The slow checks live elsewhere: tests/test_binder.py (requirements on Binder's Python),
tests/test_colab.py (every chapter in a Colab-like runtime), tests/test_jupyterlab.py (the
explorers in a real JupyterLab).
"""

import io
import sys
from contextlib import redirect_stdout
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pytest

import xorlab as xl
from tools import install_cell, repository_links, toc
from xorlab.show import widgets

ROOT = Path(__file__).resolve().parents[1]


def test_the_install_spec_follows_config_and_version():
    """Read _config.yml and pyproject.toml independently of the tool."""
    config = (ROOT / "_config.yml").read_text()
    url = config.split("repository:\n  url: ", 1)[1].split()[0]
    version = (ROOT / "pyproject.toml").read_text().split('\nversion = "', 1)[1].split('"')[0]
    assert install_cell.install_spec() == f"xorlab[widgets] @ git+{url}@v{version}"


@pytest.mark.parametrize("path", toc.chapters(), ids=lambda p: p.stem)
def test_every_chapter_starts_with_the_current_install_cell(path):
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert first.get("id") == install_cell.CELL_ID, "the install cell is not the first code cell"
    assert first.source == install_cell.cell_source(), "stale: run `make install-cell`"
    assert "remove-cell" in first.metadata.get("tags", [])


def run_install_cell(monkeypatch, installed):
    """Run the install cell with `subprocess.run` recorded, not run; return the calls."""
    import importlib.util
    import subprocess

    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *args, **kw: calls.append((args, kw)))
    real = importlib.util.find_spec
    if not installed:
        missing = lambda name, *a: None if name == "xorlab" else real(name, *a)  # noqa: E731
        monkeypatch.setattr(importlib.util, "find_spec", missing)
    exec(compile(install_cell.cell_source(), "install-cell", "exec"), {})
    return calls


def test_the_install_cell_does_nothing_where_xorlab_is_installed(monkeypatch):
    assert run_install_cell(monkeypatch, installed=True) == []


def test_the_install_cell_installs_the_release_where_xorlab_is_missing(monkeypatch):
    (((command,), options),) = run_install_cell(monkeypatch, installed=False)
    assert command == [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        install_cell.install_spec(),
    ]
    assert options == {"check": True}


def test_reader_facing_install_text_has_no_placeholder():
    preface = (ROOT / "chapters" / "preface.md").read_text()
    assert "<repository" not in preface and "{{ install_command }}" in preface
    found = repository_links.substitutions("https://example.org/me/book", "xorlab @ git+x@v1")
    assert found["clone_command"] == "`git clone https://example.org/me/book`"
    assert found["install_command"] == '`pip install "xorlab @ git+x@v1"`'


def test_the_grid_ships_inside_the_package():
    table = xl.cases.sigmoid_vs_tanh.read_grid()
    assert len(table) == 270 and set(table["gradient"]) == {"buggy", "fixed"}


def test_an_explorer_not_yet_run_says_what_to_do():
    pytest.importorskip("ipywidgets")
    import ipywidgets as w

    ui = widgets.explorer(lambda a: None, a=w.IntSlider(value=1))
    assert repr(ui) == widgets.NOT_RUN
    assert ui._repr_mimebundle_()["text/plain"] == widgets.NOT_RUN


def test_an_explorer_shows_its_figure_before_what_it_prints(monkeypatch):
    """Printed first, a report left JupyterLab's figure blank now and then: the text must
    reach the notebook only after `plt.show()`."""
    pytest.importorskip("ipywidgets")
    import ipywidgets as w

    events = []

    class Notebook(io.StringIO):
        def write(self, text):
            events.append(("text", text))
            return len(text)

    monkeypatch.setattr(plt, "show", lambda: events.append(("show",)))

    def draw(lr):
        print(f"report at lr {lr}")  # printed before the figure is shown
        plt.show()

    with redirect_stdout(Notebook()):
        widgets.explorer(draw, lr=w.FloatSlider(value=0.5))
    shown = events.index(("show",))
    printed = [i for i, e in enumerate(events) if e[0] == "text" and "report" in e[1]]
    assert printed and shown < printed[0], events
    assert "".join(events[i][1] for i in printed) == "report at lr 0.5\n"


def test_a_frame_player_says_to_run_the_cell_until_its_script_runs():
    player = widgets.FramePlayer([b"a", b"b"], [1, 2], "lr", "Two frames.", "Test")
    page = player._repr_html_()
    assert widgets.PLAYER_HINT in page  # stays where the script is stripped
    assert '.querySelector(".xorlab-player-hint").remove()' in page
    assert 'value="0" data-lm-suppress-shortcuts>' in page  # JupyterLab leaves its keys to it
