"""Colab: every chapter runs top to bottom in a Colab-like Python, xorlab installed by its cell.

The environment has what a Colab runtime ships rather than the book's pins: Python 3.12 (from
pyenv), numpy 2.0, matplotlib 3.10, ipywidgets 7.7 and an IPython 7 kernel. xorlab is not in
it: the chapters' first code cell installs it, exactly as in Colab, except that the git URL is
replaced by a copy of this work tree (the test needs no network to the repository). The cell
runs once on its own (a learner's first chapter); then every chapter runs, its own install
cell finding xorlab and doing nothing, two chapters at a time (CI has two cores). They run from
an empty folder, as a notebook opened on its own does, so nothing may be read by a relative
path. Afterwards Colab's own numpy, matplotlib and ipywidgets must be unchanged: installing
xorlab must not replace packages that work.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tools import install_cell, toc

ROOT = Path(__file__).resolve().parents[1]

COLAB_PYTHON = Path("/root/.pyenv/versions/3.12.1/bin/python")
# What a Colab runtime has (late 2025), pinned. ipywidgets' own requirements drag in the classic
# notebook server, which no kernel needs, so it and its two small dependencies go in --no-deps.
COLAB = [
    "numpy==2.0.2",
    "matplotlib==3.10.0",
    "ipykernel==6.17.1",
    "ipython==7.34.0",
    "nbclient==0.11.0",
    "nbformat==5.11.1",
]
COLAB_NO_DEPS = ["ipywidgets==7.7.5", "ipython_genutils==0.2.0", "jupyterlab_widgets==1.1.11"]
KEPT = ("numpy", "matplotlib", "ipywidgets")

RUN = """
import json, sys, nbformat, nbclient
from tools import steady_kernel
spec, local, workdir = sys.argv[1:4]
steady_kernel.patch()
for path in sys.argv[4:]:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.get("id") == "install-xorlab")
    assert spec in cell.source, path
    cell.source = cell.source.replace(spec, local)
    resources = {"metadata": {"path": workdir}}
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources).execute()
    print("ran", path, flush=True)
"""


def pip(python, *args):
    run = subprocess.run([python, "-m", "pip", *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


def versions(python):
    """{name: version} of the packages Colab already has and xorlab must keep."""
    listed = json.loads(pip(python, "list", "--format", "json"))
    return {p["name"].lower(): p["version"] for p in listed if p["name"].lower() in KEPT}


def source_copy(dest: Path) -> Path:
    """The files pip needs to build xorlab, copied from the work tree (never built in place)."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "code", dest / "code", ignore=ignore)
    return dest


@pytest.mark.skipif(not COLAB_PYTHON.exists(), reason="needs pyenv's Python 3.12.1")
def test_every_chapter_runs_in_a_colab_like_runtime(tmp_path):
    env = tmp_path / "colab"
    subprocess.run([COLAB_PYTHON, "-m", "venv", env], check=True)
    python = str(env / "bin" / "python")
    pip(python, "install", "--quiet", *COLAB)
    pip(python, "install", "--quiet", "--no-deps", *COLAB_NO_DEPS)
    before = versions(python)
    assert set(before) == set(KEPT)
    probe = subprocess.run([python, "-c", "import xorlab"], capture_output=True, text=True)
    assert "No module named 'xorlab'" in probe.stderr  # the cell has something to do

    (tmp_path / "src").mkdir()
    local = f"xorlab[widgets] @ {source_copy(tmp_path / 'src').as_uri()}"
    workdir = tmp_path / "content"  # Colab's working folder: no chapters/, no data/
    workdir.mkdir()
    spec = install_cell.install_spec()
    cell = install_cell.cell_source()
    assert spec in cell
    install = subprocess.run(
        [python, "-c", cell.replace(spec, local)], cwd=workdir, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr[-3000:]
    shown = pip(python, "show", "xorlab")
    assert "Location: " + str(env) in shown  # a real (non-editable) install from the copy

    chapters = [str(p) for p in toc.chapters()]
    assert len(chapters) >= 7
    workers = [
        subprocess.Popen(
            # from the repository's root, where `python -c` finds `tools`; the kernels run in
            # the working folder
            [python, "-c", RUN, spec, local, str(workdir), *chapters[i::2]],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    ran = 0
    for worker in workers:
        out, err = worker.communicate()  # each cell has nbclient's 300 s timeout
        assert worker.returncode == 0, out[-2000:] + err[-4000:]
        ran += out.count("ran ")
    assert ran == len(chapters)
    assert versions(python) == before, "installing xorlab replaced Colab's own packages"
