"""Write chapters/instructor-guide.md from the chapters themselves.

    python tools/instructor_guide.py           # rewrite the page
    python tools/instructor_guide.py --check   # exit 1 if the page is out of date

For every chapter notebook in _toc.yml it reads the learning objectives, prerequisites and time
from the first cell; every exercise's title, label, kind and time from its `{exercise}`
directive ("Kind: debug, about 15 minutes."); the objectives it trains and the rubric of its
written part from the metadata of the cell that holds it:

    "exercises": {"ex-<name>-3": {"objectives": [2, 3],
                                  "rubric": {"full": ..., "partial": ..., "wrong": ...}}}

and the self-checks from the check cells after it. From these it writes the objectives-to-
exercises map, the exercise tables, the rubrics and two sample syllabi, so the guide cannot
drift from the chapters: a test runs the check.
"""

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "chapters" / "instructor-guide.md"
EXERCISE = re.compile(
    r"\{exercise\}([^\n]*)\n:label: (\S+)[\s\S]*?Kind: (\w+)(?:, about (\d+) minutes)?\."
)
CHECK_CELL = re.compile(r"^(?:print\()?xl\.checks\.(check_\w+)\(")
USE = {
    "recall": "in class: a two-minute check at the start of the next session",
    "compute": "homework: short, with instant feedback from the self-check",
    "debug": "lab or homework, in pairs: find the bug with the chapter's tools",
    "design": "exam-style or project: asks for a choice and its justification",
    "build": "homework or lab: write a whole function; the self-check grades it",
}
IN_CLASS = ("recall", "compute")
# Sample syllabi: (session, chapter slugs). Chapters missing from the book are left out.
ONE_WEEK = [
    ("Day 1", ["xor-done-right"]),
    ("Day 2", ["case-no-bias", "case-rising-cost"]),
    ("Day 3", ["case-stuck-at-half", "case-sigmoid-vs-tanh"]),
    ("Day 4", ["case-chain-rule"]),
    ("Day 5", ["field-guide"]),
]
THREE_WEEKS = [
    ("Week 1, session 1", ["xor-done-right"]),
    ("Week 1, session 2", ["case-no-bias"]),
    ("Week 2, session 1", ["case-rising-cost"]),
    ("Week 2, session 2", ["case-stuck-at-half"]),
    ("Week 3, session 1", ["case-sigmoid-vs-tanh"]),
    ("Week 3, session 2", ["case-chain-rule", "field-guide"]),
]

INTRO = """# Instructor guide

This page is generated from the chapters (`python tools/instructor_guide.py`), so what it lists is
what the chapters contain. Every case chapter stands alone: it needs only the reference chapter
*XOR, done right* as background, and it runs top to bottom in a fresh kernel.

## Launching a chapter for a class

- **Binder, nothing to install.** The rocket button at the top of every chapter opens it on
  mybinder.org with the book's exact environment (`requirements.txt` is all Binder needs). Share
  the link of the chapter page; each student gets their own temporary copy.
- **Colab.** The same button offers Colab. The chapter's first code cell installs `xorlab` there
  from the repository's release tag (it keeps the numpy, matplotlib and ipywidgets Colab
  already has) and does nothing elsewhere; students run the cells from the top.
- **Local install.** `git clone` the repository, then `make book` (creates `.venv` and builds
  the HTML) and `make lab` (JupyterLab on the chapters, with jupyterlab-myst so exercises and
  glossary terms render).
- **Student edition.** `make student` writes the book without its solutions to `student/`, as a
  book of its own (its own `_config.yml`, `_toc.yml` and landing page; `jupyter-book build
  student` publishes it). Each solution's code is replaced by a stub that defines the same
  names, so every cell runs and each self-check answers "Not yet" until the answer is right.
  Push `student/` to a course repository and set its address with
  `python tools/student.py student --repository URL`: its launch buttons then open the student
  notebooks. A test executes the edition and fails if any output says "Correct.", if a value
  of a solution is visible in the exercises, or if an exercise lost its self-check.

- **Autograding with nbgrader.** `make assignments` writes an nbgrader course in `course/`: one
  assignment per chapter, whose autograded cells hold hidden tests that recompute the expected
  values from scratch, and whose written parts are manually graded cells carrying the rubrics
  below (also in `course/rubrics/`). See `tools/assignments.py`.

Self-checks never state the answer, refuse `xorlab`'s own reference functions, and enforce the
limits an exercise states (epochs, number of seeds); messages name known mistakes ("a sign is
flipped", "n times too large") so a wrong answer still teaches.

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


def reading_minutes(time):
    """The first number of minutes in a chapter's stated time, or None."""
    m = re.search(r"(\d+)\s*minutes", time) or re.search(r"(\d+)", time)
    return int(m.group(1)) if m else None


def exercises(nb):
    """[dict(label, title, kind, minutes, objectives, rubric, checks)] in chapter order."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            extra = cell.metadata.get("exercises", {})
            for m in EXERCISE.finditer(cell.source):
                info = extra.get(m.group(2), {})
                found.append(
                    {
                        "label": m.group(2),
                        "title": m.group(1).strip(),
                        "kind": m.group(3).lower(),
                        "minutes": int(m.group(4)) if m.group(4) else None,
                        "objectives": list(info.get("objectives", [])),
                        "rubric": info.get("rubric"),
                        "checks": [],
                    }
                )
        elif found:
            first = cell.source.strip().splitlines()[:1]
            m = CHECK_CELL.match(first[0]) if first else None
            if m and "solution" not in cell.metadata.get("tags", []):
                found[-1]["checks"].append(m.group(1))
    return found


def _minutes(n):
    return f"{n} min" if n is not None else "not stated"


def chapter_section(path):
    nb = nbformat.read(path, as_version=4)
    title, objectives, prereq, time = front_matter(nb.cells[0].source)
    found = exercises(nb)
    total = sum(e["minutes"] or 0 for e in found)
    lines = [f"## {title}", "", f"Chapter: {{doc}}`{path.stem}`. **Time:** {time}", ""]
    lines += [f"The exercises' own times add up to {total} minutes.", ""]
    lines += [f"**Prerequisites:** {prereq}", "", "**Learning objectives and the exercises that"]
    lines += ["train them:**", "", "| objective | exercises |", "|---|---|"]
    for i, objective in enumerate(objectives, 1):
        labels = [f"{{ref}}`{e['label']}`" for e in found if i in e["objectives"]]
        lines.append(f"| {i}. {objective} | {', '.join(labels) or 'none: taught in the text'} |")
    lines += [
        "",
        "| exercise | kind | time | self-check | suggested use |",
        "|---|---|---|---|---|",
    ]
    for e in found:
        checks = ", ".join(f"`{c}`" for c in e["checks"]) or "written: see the rubric"
        lines.append(
            f"| {{ref}}`{e['label']}` | {e['kind']} | {_minutes(e['minutes'])} | {checks} "
            f"| {USE.get(e['kind'], 'your choice')} |"
        )
    rubrics = [e for e in found if e["rubric"]]
    if rubrics:
        lines += ["", "**Rubrics for the written answers.**"]
    for e in rubrics:
        r = e["rubric"]
        lines += ["", f"{{ref}}`{e['label']}`", ""]
        lines += [
            f"- *Full:* {r['full']}",
            f"- *Partial:* {r['partial']}",
            f"- *Wrong:* {r['wrong']}",
        ]
    return "\n".join(lines) + "\n"


def _plan_rows(plan, chapters):
    """Table rows of a syllabus: session, chapters, in-class and homework work with minutes."""
    rows = []
    for session, slugs in plan:
        here = [s for s in slugs if s in chapters]
        if not here:
            continue
        names, read, inclass, home = [], 0, [], []
        for slug in here:
            nb, time = chapters[slug]
            names.append(f"{{doc}}`{slug}`")
            read += reading_minutes(time) or 0
            for e in exercises(nb):
                (inclass if e["kind"] in IN_CLASS else home).append(e)
        in_min = read + sum(e["minutes"] or 0 for e in inclass)
        home_min = sum(e["minutes"] or 0 for e in home)
        ref = lambda es: ", ".join(f"{{ref}}`{e['label']}`" for e in es) or "none"  # noqa: E731
        rows.append(
            f"| {session} | {', '.join(names)} | reading and running ({read} min); "
            f"{ref(inclass)} (about {in_min} min in all) | {ref(home)} (about {home_min} min) |"
        )
    return rows


def syllabi(paths):
    """The two sample syllabi, computed from the chapters' stated and exercise times."""
    chapters = {}
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        chapters[p.stem] = (nb, front_matter(nb.cells[0].source)[3])
    head = ["| session | chapters | in class | homework |", "|---|---|---|---|"]
    return "\n".join(
        [
            "## Sample syllabi",
            "",
            "Both plans cover every chapter. In class: reading and running the chapter together,",
            "then its recall and compute exercises with their self-checks. Homework: the debug,",
            "build and design exercises; the build exercises are graded by their self-checks",
            "(and by hidden tests in an autograded course), the written parts by the rubrics",
            "below. Times are the chapters' own estimates.",
            "",
            "### One week, one chapter block a day",
            "",
            *head,
            *_plan_rows(ONE_WEEK, chapters),
            "",
            "### Three weeks, two sessions a week",
            "",
            *head,
            *_plan_rows(THREE_WEEKS, chapters),
            "",
        ]
    )


def render():
    paths = toc_chapters()
    sections = "\n".join(chapter_section(p) for p in paths)
    return INTRO + "\n" + syllabi(paths) + "\n" + sections


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
