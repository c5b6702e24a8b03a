"""The first code cell of every chapter: install xorlab where it is missing (Colab).

    python -m tools.install_cell            # write the cell into every chapters/*.ipynb
    python -m tools.install_cell --check    # exit 1 if a chapter's cell is missing or stale

The cell is generated from two settings that live elsewhere, so a fork changes nothing here:
the repository URL (`repository.url` in `_config.yml`, which also drives the launch buttons)
and the release tag `v<version>` (`version` in `pyproject.toml`). Where `xorlab` can already be
imported (the book's `.venv`, Binder, a local install) the cell does nothing; elsewhere it runs
`pip install "xorlab[widgets] @ git+<url>@v<version>"`, whose loose ranges keep the numpy,
matplotlib and ipywidgets a Colab runtime already has.

The cell is found by its id, `install-xorlab`, and placed before the chapter's first code cell.
Writing it does not execute the chapter: run tools/execute.py afterwards (under the notebook
lock, in the same command).
"""

import re
import sys
from pathlib import Path

import nbformat
import yaml

from tools import toc

ROOT = Path(__file__).resolve().parent.parent
CELL_ID = "install-xorlab"
TEMPLATE = """\
# In Colab, or any Python without the book's package, this cell installs xorlab (the code
# the chapters share) from the book's repository. Where xorlab is installed, it does nothing.
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("xorlab") is None:
    XORLAB = "{spec}"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", XORLAB], check=True)"""


def repository_url(root: Path = ROOT) -> str:
    """`repository.url` from `_config.yml`, without a trailing slash or `.git`."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    url = config["repository"]["url"].rstrip("/")
    return url.removesuffix(".git")


def release_tag(root: Path = ROOT) -> str:
    """The git tag of the release the chapters install: `v` + pyproject.toml's version."""
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    return "v" + re.search(r'^version = "([^"]+)"$', text, re.MULTILINE).group(1)


def install_spec(root: Path = ROOT) -> str:
    """The pip requirement the cell installs: `xorlab[widgets] @ git+<url>@<tag>`."""
    return f"xorlab[widgets] @ git+{repository_url(root)}@{release_tag(root)}"


def cell_source(spec: str | None = None) -> str:
    """The cell's code for `spec` (default: `install_spec()`)."""
    return TEMPLATE.format(spec=spec or install_spec())


def install_cell(nb):
    """The notebook's install cell, or None."""
    return next((c for c in nb.cells if c.get("id") == CELL_ID), None)


def first_code_cell_index(nb) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")


def problems(nb, source: str) -> list[str]:
    """What is wrong with a notebook's install cell: missing, stale, or not the first code."""
    cell = install_cell(nb)
    if cell is None:
        return [f"no install cell (id {CELL_ID!r})"]
    found = []
    if cell.source != source:
        found.append("its install cell is stale: run `python -m tools.install_cell`")
    if nb.cells[first_code_cell_index(nb)] is not cell:
        found.append("its install cell is not the first code cell")
    return found


def write(path: Path, source: str) -> bool:
    """Put the install cell with `source` into the notebook at `path`; True if it changed."""
    nb = nbformat.read(path, as_version=4)
    if not problems(nb, source):
        return False
    cell = install_cell(nb)
    if cell is not None:
        nb.cells.remove(cell)
    cell = nbformat.v4.new_code_cell(source, id=CELL_ID)
    cell.metadata["tags"] = ["remove-cell"]  # the HTML reader needs no installing
    nb.cells.insert(first_code_cell_index(nb), cell)
    nbformat.write(nb, path)
    return True


def main(argv: list[str]) -> int:
    source = cell_source()
    if "--check" in argv:
        bad = [
            f"{path.name}: {p}"
            for path in toc.chapters()
            for p in problems(nbformat.read(path, as_version=4), source)
        ]
        print("\n".join(bad) or "every chapter has a current install cell")
        return 1 if bad else 0
    for path in toc.chapters():
        print(f"{path.name}: {'written' if write(path, source) else 'current'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
