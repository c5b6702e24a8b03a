"""The book's table of contents, `_toc.yml`: the one reader of it for the tools and the tests."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _files(entries):
    for entry in entries:
        if "file" in entry:
            yield entry["file"]
        yield from _files(entry.get("sections", []))


def documents(root: Path = ROOT) -> list[str]:
    """Every document of `root`'s toc in reading order, root first, as paths without suffix
    relative to `root` (`chapters/preface`)."""
    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [c for part in toc.get("parts", [toc]) for c in part.get("chapters", [])]
    return [toc["root"], *_files(chapters)]


def chapters(root: Path = ROOT) -> list[Path]:
    """The toc's notebooks, the executable chapters, in reading order (absolute paths)."""
    paths = (Path(root) / f"{doc}.ipynb" for doc in documents(root))
    return [path for path in paths if path.exists()]
