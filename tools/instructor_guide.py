"""Write chapters/instructor-guide.md from the chapters themselves.

    python tools/instructor_guide.py           # rewrite the page
    python tools/instructor_guide.py --check   # exit 1 if the page is out of date

For every chapter notebook in _toc.yml it reads the learning objectives, prerequisites and time
from the first cell, and every exercise (title, label, kind) from the `{exercise}` directives,
so the guide cannot drift from the chapters: a test runs the check.
"""

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "chapters" / "instructor-guide.md"
EXERCISE = re.compile(r"\{exercise\}([^\n]*)\n:label: (\S+)[\s\S]*?Kind: (\w+)")
USE = {
    "recall": "in class: a two-minute check at the start of the next session",
    "compute": "homework: short, with instant feedback from the self-check",
    "debug": "lab or homework, in pairs: find the bug with the chapter's tools",
    "design": "exam-style or project: asks for a choice and its justification",
}

INTRO = """# Instructor guide

This page is generated from the chapters (`python tools/instructor_guide.py`), so what it lists is
what the chapters contain. Every case chapter stands alone: it needs only the reference chapter
*XOR, done right* as background, and it runs in a fresh kernel in seconds.

## Launching a chapter for a class

- **Binder, nothing to install.** The rocket button at the top of every chapter opens it on
  mybinder.org with the book's exact environment (`requirements.txt` is all Binder needs). Share
  the link of the chapter page; each student gets their own temporary copy.
- **Colab.** The same button offers Colab; the chapter's first cell works there once
  `xorlab` is installed (`pip install` of this repository).
- **Local install.** `git clone` the repository, then `make book` (creates `.venv` and builds
  the HTML) and `.venv/bin/jupyter lab chapters/`.
- **Download.** The download button of each page gives the notebook (`.ipynb`) with its outputs.
- **Student edition.** `make student` writes every chapter to `student/` without solutions:
  each solution's code is replaced by a stub that defines the same names, so every cell runs
  and the self-checks answer "Not yet" until the student's answer is right. Hand it out or push
  it to a course repository.

## Kinds of exercise and how to use them

| kind | suggested use |
|---|---|
""" + "".join(f"| {k} | {v} |\n" for k, v in USE.items())


def toc_chapters():
    """Chapter notebooks in table-of-contents order."""
    files = re.findall(r"file:\s*(\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


def front_matter(text):
    """(title, objectives, prerequisites, time) from a chapter's first cell."""
    title = re.search(r"^# (.+)$", text, re.M).group(1).strip()
    objectives = re.findall(r"^\d+\.\s+(.+(?:\n {2,}.+)*)", text, re.M)
    objectives = [" ".join(o.split()) for o in objectives]
    prereq = re.search(r"\*\*Prerequisites[.:]?\*\*[.:]?\s*(.+?)(?=\s*\*\*Time|\n\n|$)", text, re.S)
    time = re.search(r"\*\*Time[.:]?\*\*[.:]?\s*(.+?)(?=\n\n|$)", text, re.S)
    clean = lambda m: " ".join(m.group(1).split()) if m else "not stated"  # noqa: E731
    return title, objectives, clean(prereq), clean(time)


def exercises(nb):
    """[(label, title, kind)] of the chapter's exercises, in order."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found += [
                (m.group(2), m.group(1).strip(), m.group(3).lower())
                for m in EXERCISE.finditer(cell.source)
            ]
    return found


def chapter_section(path):
    nb = nbformat.read(path, as_version=4)
    title, objectives, prereq, time = front_matter(nb.cells[0].source)
    slug = path.stem
    lines = [f"## {title}", "", f"Chapter: {{doc}}`{slug}`. **Time:** {time}", ""]
    lines += [
        f"**Prerequisites:** {prereq}",
        "",
        "**Learning objectives**, as the chapter states them:",
        "",
    ]
    lines += [f"{i}. {o}" for i, o in enumerate(objectives, 1)] + [""]
    lines += ["| exercise | kind | suggested use |", "|---|---|---|"]
    lines += [
        f"| {{ref}}`{label}` | {kind} | {USE.get(kind, 'your choice')} |"
        for label, _, kind in exercises(nb)
    ]
    return "\n".join(lines) + "\n"


def render():
    return INTRO + "\n" + "\n".join(chapter_section(p) for p in toc_chapters())


def main():
    text = render()
    if "--check" in sys.argv:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
            sys.exit(
                f"{PAGE.relative_to(ROOT)} is out of date: run python tools/instructor_guide.py"
            )
        return
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
