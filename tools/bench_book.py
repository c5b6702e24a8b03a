"""Budgets of the HTML book, measured (a report, not a test).

    python -m tools.bench_book [--no-execute]

Prints the HTML build time without execution (goal <= 60 s on 2 cores), the weight of each
chapter page with the images it shows (goal <= 1.5 MB) and the full re-execution time of the
book and of each chapter (goals <= 90 s and <= 15 s). Builds into and executes copies in a
temporary folder: the repository is left untouched.
"""

import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from tools import toc

ROOT = Path(__file__).resolve().parent.parent


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src")
        if tag == "img" and src and not src.startswith("data:"):
            self.sources.append(src)


def build(out: Path) -> float:
    start = time.perf_counter()
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT)]
    subprocess.run(
        [*command, "-W", "-n", "--keep-going", "--path-output", str(out)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def page_weight(page: Path) -> int:
    """Bytes of the page (with its inline data: images) plus the image files it shows."""
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    images = {(page.parent / src.split("?")[0]).resolve() for src in parser.sources}
    return page.stat().st_size + sum(p.stat().st_size for p in images if p.is_file())


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"HTML build (no execution): {build(Path(tmp)):.1f} s (goal <= 60 s)")
        html = Path(tmp) / "_build" / "html"
        for nb in toc.chapters():
            page = html / nb.relative_to(ROOT).with_suffix(".html")
            print(f"  {page.name:32} {page_weight(page) / 1e6:5.2f} MB (goal <= 1.5 MB)")
    if "--no-execute" in sys.argv:
        return
    total = 0.0
    for nb in toc.chapters():
        seconds = execute(nb)
        total += seconds
        print(f"execute {nb.name:32} {seconds:5.1f} s (goal <= 15 s)")
    print(f"execute the whole book: {total:.1f} s (goal <= 90 s)")


if __name__ == "__main__":
    main()
