"""The book's pages as listed in _toc.yml: shared by the book, notebook and browser tests."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _files(entries):
    for entry in entries:
        if "file" in entry:
            yield entry["file"]
        yield from _files(entry.get("sections", []))


def toc_documents() -> list[str]:
    """Every document of the toc, root first, as paths without suffix (`chapters/preface`)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    chapters = [c for part in toc.get("parts", [toc]) for c in part.get("chapters", [])]
    return [toc["root"], *_files(chapters)]


def chapter_notebooks() -> list[Path]:
    """The toc's notebooks: the executable chapters."""
    paths = (ROOT / f"{doc}.ipynb" for doc in toc_documents())
    return [path for path in paths if path.exists()]
