"""The explorers where learners use them: a real JupyterLab, driven by Debian's Chromium.

The test starts JupyterLab from this environment on 127.0.0.1 with a token, on temporary
copies (a chapter, and a notebook holding every explorer of xorlab), with fresh settings that
render every cell (no windowing) and fetch no news. Before a notebook is run, explorers and frame
players must say what to do; after "Run all", moving a slider and toggling a box must change
the explorer's figure, the frame player must answer the arrow keys, and every explorer's figure
must be drawn (an image with pixels, not only text) after every change.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import offline_chromium

from xorlab.show.widgets import NOT_RUN, PLAYER_HINT

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "chapters" / "case-sigmoid-vs-tanh.ipynb"  # slider-and-box explorer, player
EXPLORERS = {  # every explorer xorlab builds, by the chapter that shows it
    "training": "xl.widgets.training_explorer()",
    "hidden units": "xl.widgets.hidden_units_explorer()",
    "reachable": "xl.cases.no_bias.reachable_explorer()",
    "rising cost": "xl.cases.rising_cost.rising_cost_explorer()",
    "planted bugs": "xl.cases.field_guide.planted_explorer()",
}
TIMEOUT = 180_000  # ms; generous for a loaded machine, reached only when something is wrong
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"},
}

# Facts about every explorer on the page: its figure (drawn or not) and its text.
EXPLORER_FACTS = """() => [...document.querySelectorAll('.widget-interact')].map(e => {
  const img = e.querySelector('.jp-OutputArea-output img');
  return {src: img ? img.src : null, drawn: !!img && img.complete && img.naturalWidth > 0,
          text: e.innerText};
})"""
ALL_RUN = """() => {
  const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def explorers_notebook(path: Path) -> None:
    """A notebook with one cell per explorer of `EXPLORERS`."""
    cells = [nbformat.v4.new_code_cell("import xorlab as xl")]
    cells += [nbformat.v4.new_code_cell(f"# {name}\n{code}") for name, code in EXPLORERS.items()]
    kernel = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernel})
    nbformat.write(notebook, path)  # with no kernelspec, JupyterLab would ask for a kernel


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a temporary folder; yields (base URL, token, folder)."""
    home = tmp_path_factory.mktemp("lab")
    work = home / "work"
    work.mkdir()
    shutil.copy(CHAPTER, work / CHAPTER.name)
    explorers_notebook(work / "explorers.ipynb")
    for name, values in SETTINGS.items():
        plugin, settings = name.rsplit("/", 1)
        folder = home / "settings" / plugin
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{settings}.jupyterlab-settings").write_text(json.dumps(values))
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    port, token = free_port(), secrets.token_hex(16)
    command = [
        str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--ServerApp.root_dir={work}",
        f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    log = open(home / "lab.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, (home / "lab.log").read_text()[-3000:]
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not start in 120 s"
                time.sleep(0.5)
        yield url, token, work
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def page(lab, tmp_path_factory, playwright):
    """A Chromium page that may reach this JupyterLab and nothing else."""
    context = offline_chromium(playwright, tmp_path_factory.mktemp("lab-profile"), lab[0])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def open_notebook(page, lab, name):
    """Open a notebook alone (`reset`: no other tab from the last visit) and wait until its
    cells and its kernel are there."""
    url, token, _ = lab
    page.goto(f"{url}/lab/tree/{name}?reset&token={token}")
    page.wait_for_function(
        """() => window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')
                 && /\\| Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText)""",
        timeout=TIMEOUT,
        polling=500,
    )
    assert page.locator(".jp-NotebookPanel").count() == 1


def run_all(page):
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_RUN, timeout=4 * TIMEOUT, polling=500)
    # JupyterLab renders both error tracebacks and stderr with this type.
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, errors.all_inner_texts()[:3]


def wait_for_new_figure(page, index, old_src):
    """Wait until explorer `index` shows a drawn figure other than `old_src`; return its src."""
    page.wait_for_function(
        f"""() => {{ const f = ({EXPLORER_FACTS})()[{index}];
                     return f && f.drawn && f.src !== {json.dumps(old_src)}; }}""",
        timeout=TIMEOUT,
        polling=200,
    )
    return page.evaluate(EXPLORER_FACTS)[index]["src"]


def test_a_chapter_in_jupyterlab(lab, page):
    open_notebook(page, lab, CHAPTER.name)

    # Not yet run: the explorer and the frame player say what to do; MyST is rendered.
    outputs = page.locator(".jp-OutputArea-output").all_inner_texts()
    assert any(NOT_RUN in text for text in outputs), "the explorer does not say to run the cell"
    assert any(PLAYER_HINT in text for text in outputs), "the frame player does not say either"
    markdown = "\n".join(page.locator(".jp-MarkdownOutput").all_inner_texts())
    for raw in ("{exercise}", "{solution", "{term}", "{cite"):
        assert raw not in markdown, f"{raw} shown as raw text: is jupyterlab-myst loaded?"

    run_all(page)
    facts = page.evaluate(EXPLORER_FACTS)
    assert len(facts) == 1 and facts[0]["drawn"], facts

    # A slider, from the keyboard as a learner would, then a box: the figure changes each time.
    page.locator(".widget-interact .widget-slider .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    src = wait_for_new_figure(page, 0, facts[0]["src"])
    page.locator(".widget-interact input[type=checkbox]").first.click()
    wait_for_new_figure(page, 0, src)

    # The frame player: scripts ran (hint gone), and the arrow keys move it.
    player = page.locator(".xorlab-player").first
    assert PLAYER_HINT not in player.inner_text()
    first = player.locator("output").inner_text(), player.locator("img").get_attribute("src")
    player.locator("input[type=range]").focus()
    page.keyboard.press("ArrowRight")
    second = player.locator("output").inner_text(), player.locator("img").get_attribute("src")
    assert first[0] != second[0] and first[1] != second[1], "the arrow key did not move it"
    assert player.locator("input[type=range]").evaluate("e => e === document.activeElement")


def test_every_explorer_draws_its_figure_every_time(lab, page):
    open_notebook(page, lab, "explorers.ipynb")
    run_all(page)
    facts = page.evaluate(EXPLORER_FACTS)
    assert len(facts) == len(EXPLORERS)
    undrawn = [name for name, f in zip(EXPLORERS, facts) if not f["drawn"]]
    assert not undrawn, f"explorers without a drawn figure: {undrawn}"

    # The field guide's explorer prints the doctor's report: its figure must still be drawn,
    # above the report, after every change.
    planted = list(EXPLORERS).index("planted bugs")
    slider = page.locator(".widget-interact").nth(planted).locator(".noUi-handle").first
    src = facts[planted]["src"]
    for _ in range(4):
        slider.focus()
        page.keyboard.press("ArrowRight")
        src = wait_for_new_figure(page, planted, src)
        report = page.evaluate(EXPLORER_FACTS)[planted]["text"]
        assert report.strip(), "the doctor's report is missing"
    figure_first = """e => {
      const img = e.querySelector('.jp-OutputArea-output img');
      const text = e.querySelector('.jp-OutputArea-output pre');
      return !!(img.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING);
    }"""
    order = page.locator(".widget-interact").nth(planted).evaluate(figure_first)
    assert order, "the report is printed above the figure"
