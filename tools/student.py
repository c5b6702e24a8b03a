"""Write the student edition: every chapter notebook without its solutions, as a book of its own.

    python -m tools.student [OUT_DIR] [--repository URL] [--branch BRANCH] [--path PATH]

OUT_DIR (default: student/) gets `chapters/*.ipynb` (with the chapters' data files), the
glossary, bibliography and API pages, `references.bib`, a landing page `intro.md`, and its own
`_config.yml` and `_toc.yml`, so `jupyter-book build OUT_DIR` publishes it on its own, with
launch buttons that open the student notebooks (Binder, Colab) from the repository it is pushed
to: `--repository` (default: the book's), `--branch` (default: the book's) and `--path`, the
folder of the edition inside that repository (default: OUT_DIR's name, e.g. "student").

For each chapter notebook it
- removes the hidden solutions: markdown `{solution}` blocks, every cell from a
  `{solution-start}` to its `{solution-end}`, and code cells tagged `solution`;
- puts one stub code cell where each solution's code was, defining the same names (a function
  that raises NotImplementedError, or a variable set to None), so the self-check cells after it
  still run and answer "Not yet" until the learner writes an answer;
- clears the outputs of every code cell in the exercises (from the first `{exercise}` on);
- states no exercise's answer above the exercise (tools/answer_leaks.py).
"""

import argparse
import ast
import re
import shutil
from pathlib import Path

import nbformat

from tools import answer_leaks, toc

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"(`{3,}|:{3,})\{solution\}.*?\n\1[ \t]*(\n|$)", re.S)
START = re.compile(r"(`{3,}|:{3,})\{solution-start\}\s*(\S+).*?\n\1[ \t]*(\n|$)", re.S)
END = re.compile(r"(`{3,}|:{3,})\{solution-end\}.*?\1[ \t]*(\n|$)", re.S)
PAGES = ("chapters/api.md", "chapters/glossary.md", "chapters/bibliography.md")


def defined_names(source):
    """Top-level names a code cell defines: [(name, args)]: args is a function's argument list,
    "{}" for a variable assigned a dict (its stub stays a dict, so `**name` still runs), else
    None."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.append((node.name, [a.arg for a in node.args.args]))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = getattr(node, "value", None)
            empty = isinstance(value, ast.Dict) or (
                isinstance(value, ast.Call) and getattr(value.func, "id", "") == "dict"
            )
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name) and n.id not in [x for x, _ in names]:
                        names.append((n.id, "{}" if empty and n is t else None))
    return names


def stub(sources, label):
    """The code a learner starts from in place of a solution's code cells."""
    lines = [f"# Exercise {label}: write your answer here." if label else "# Your answer here."]
    seen = set()
    for src in sources:
        for name, args in defined_names(src):
            if name in seen:
                continue
            seen.add(name)
            if args is None or args == "{}":
                lines.append(f"{name} = {args or 'None'}")
            else:
                lines += [
                    f"def {name}({', '.join(args)}):",
                    '    raise NotImplementedError("your code here")',
                ]
    return nbformat.v4.new_code_cell("\n".join(lines))


def _markdown(text, like):
    """`like` with its source set to `text` minus `{solution}` blocks; None if nothing is left."""
    text = FENCE.sub("", text).strip("\n")
    if not text.strip():
        return None
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata = {k: v for k, v in like.metadata.items() if k != "exercises"}
    return cell


def student_cells(cells):
    """The cells of the student edition (see the module docstring)."""
    out, inside, label, pending, in_exercises = [], False, None, [], False
    for cell in cells:
        if cell.cell_type == "code":
            if inside:
                pending.append(cell.source)
            elif "solution" in cell.metadata.get("tags", []):
                out.append(stub([cell.source], None))
            else:
                if in_exercises:
                    cell.outputs, cell.execution_count = [], None
                out.append(cell)
            continue
        text = cell.source
        while text:
            if inside:  # markdown inside a solution is dropped up to its end
                end = END.search(text)
                if not end:
                    break
                out.extend([stub(pending, label)] if pending else [])
                inside, text = False, text[end.end() :]
                continue
            start = START.search(text)
            head = text[: start.start()] if start else text
            in_exercises = in_exercises or "{exercise}" in head
            out.extend(c for c in [_markdown(head, cell)] if c)
            if not start:
                break
            inside, label, pending, text = True, start.group(2), [], text[start.end() :]
    return out


def make_student(path, out_dir):
    """Write the student version of the notebook at `path` into `out_dir`; return its path."""
    nb = nbformat.read(path, as_version=4)
    nb.cells = student_cells(answer_leaks.hide(Path(path).stem, nb.cells))
    nb.metadata.pop("widgets", None)
    target = Path(out_dir) / Path(path).name
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


def config(repository, branch, path):
    """The student edition's _config.yml."""
    return f"""# The student edition of "Why Won't It Learn?" (written by tools/student.py).
title: "Why Won't It Learn? Student edition"
author: "The Why Won't It Learn? authors"
copyright: "2026"
only_build_toc_files: true
exclude_patterns: [".*", "**/.*", "_build"]
execute:
  execute_notebooks: "off"
bibtex_bibfiles:
  - references.bib
parse:
  myst_enable_extensions: [amsmath, colon_fence, deflist, dollarmath, linkify, substitution]
# Launch buttons open these notebooks from the repository the edition is pushed to.
repository:
  url: {repository}
  branch: {branch}
  path_to_book: "{path}"
launch_buttons:
  notebook_interface: jupyterlab
  binderhub_url: https://mybinder.org
  colab_url: https://colab.research.google.com
html:
  use_repository_button: true
  use_multitoc_numbering: true
sphinx:
  extra_extensions:
    - sphinx_exercise
    - sphinx.ext.autodoc
  config:
    nb_merge_streams: true
    bibtex_reference_style: author_year
    autodoc_member_order: bysource
    default_role: literal
    autodoc_typehints: description
    suppress_warnings: [etoc.toctree]
"""


def edition_toc(chapters):
    """The student edition's _toc.yml: the chapters, then the reference pages."""
    lines = [
        "format: jb-book",
        "root: intro",
        "parts:",
        "  - caption: Chapters",
        "    numbered: true",
    ]
    lines += ["    chapters:"] + [f"      - file: {c}" for c in chapters]
    lines += ["  - caption: Reference", "    chapters:"]
    lines += [f"      - file: {p.removesuffix('.md')}" for p in PAGES]
    return "\n".join(lines) + "\n"


def intro(chapters):
    """The landing page of the student edition."""
    links = "\n".join(f"- {{doc}}`{c}`" for c in chapters)
    return f"""# Why Won't It Learn? Student edition

The chapters of *Why Won't It Learn?* with the solutions taken out. Open a chapter with the
launch button at its top (Binder or Colab) or in a local Jupyter, run it from the top, and work
through its exercises at the end.

Where an exercise asks for code or a number, the cell below it defines the names to fill in
(a function that still raises `NotImplementedError`, or a variable set to `None`); replace them
with your answer, run that cell, then run the self-check cell under it. The check says
"Correct." or "Not yet." and, when not yet, what to look at. It never tells you the answer.

{links}
"""


def write_edition(out_dir, repository=None, branch=None, path=None):
    """The whole student edition in out_dir (see the module docstring)."""
    out_dir = Path(out_dir)
    main_config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    repository = repository or re.search(r"^\s+url:\s*(\S+)", main_config, re.M).group(1)
    branch = branch or re.search(r"^\s+branch:\s*(\S+)", main_config, re.M).group(1)
    path = out_dir.name if path is None else path
    chapters = [p.relative_to(ROOT).with_suffix("").as_posix() for p in toc.chapters()]
    for chapter in chapters:
        make_student(ROOT / f"{chapter}.ipynb", out_dir / Path(chapter).parent)
    if (ROOT / "chapters" / "data").is_dir():
        shutil.copytree(
            ROOT / "chapters" / "data", out_dir / "chapters" / "data", dirs_exist_ok=True
        )
    for page in (*PAGES, "references.bib"):
        shutil.copyfile(ROOT / page, out_dir / page)
    (out_dir / "_config.yml").write_text(config(repository, branch, path), encoding="utf-8")
    (out_dir / "_toc.yml").write_text(edition_toc(chapters), encoding="utf-8")
    (out_dir / "intro.md").write_text(intro(chapters), encoding="utf-8")
    return out_dir


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(ROOT / "student"))
    parser.add_argument("--repository", help="repository URL the edition is published from")
    parser.add_argument("--branch", help="its branch")
    parser.add_argument("--path", help="the edition's folder inside that repository")
    args = parser.parse_args()
    out = write_edition(args.out_dir, args.repository, args.branch, args.path)
    print(f"student edition written to {out}; build it with: jupyter-book build {out}")


if __name__ == "__main__":
    main()
