"""Write chapters/instructor-guide.md from the chapters themselves.

    python -m tools.instructor_guide           # rewrite the page
    python -m tools.instructor_guide --check   # exit 1 if the page is out of date

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

from tools import toc

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
CLASS_MINUTES = 90  # one class session; a plan puts no more than this into one
# Grading load: our estimate of a TA's time for one written answer with its rubric (reading it,
# choosing the level, a line of feedback). An assumption, not a measurement: adjust it.
TA_MINUTES_PER_ANSWER = 3
SPEC = re.compile(r"^# %% (\S+)([^\n]*)$", re.M)
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

This page is generated from the chapters (`python -m tools.instructor_guide`), so what it lists is
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
  `python -m tools.student student --repository URL`: its launch buttons then open the student
  notebooks. A test executes the edition and fails if any output says "Correct.", if a value
  of a solution is visible in the exercises, or if an exercise lost its self-check.

- **Autograding with nbgrader.** `make assignments` writes an nbgrader course in `course/`: one
  assignment per chapter, whose autograded cells hold hidden tests that recompute the expected
  values from scratch, and whose written parts are manually graded cells carrying the rubrics
  below (also in `course/rubrics/`, each level with its points). See `tools/assignments.py`.
  The editions handed out state no exercise's answer above the exercise
  (`tools/answer_leaks.py`).

## Running the grader safely

A submission is a program, and autograding runs it. The course's configuration
(`nbgrader_config.py` and `grade_apart.py`, copied into `course/`) does three things:

- **A scan before anything runs.** Every code cell that is not in the release verbatim is
  checked for what no answer needs: IPython hooks (`get_ipython`, input or AST transformers,
  magics and shell lines), imports beyond numpy, math, xorlab and a few standard modules,
  `open`, `exec`, `eval`, and attributes that reach behind an object (`__code__`,
  `__globals__`, frames). A submission that uses one is not run: each autograded cell gets
  0 and a report naming the cell, the line and the rule, which the student sees in the feedback.
- **Hidden tests apart from the student's kernel.** The hidden tests never run in the
  student's kernel. They run in a fresh Python process with its own numpy and xorlab; the
  student's answers reach it as data (numbers, strings, arrays, and functions called through
  the kernel with data in and data out), read through their base types, so a patched module, a
  rebound name or an object that claims to equal everything changes nothing. A call of
  xorlab's reference functions from inside an answer is seen (by the code's file, whatever
  name it hides under) and refused.
- **A sandbox for the kernel.** The kernel runs in an empty folder of its own, in a mount
  namespace where the course folder is covered by an empty, unreadable file system, with every
  capability dropped so it cannot uncover it: a submission cannot read the gradebook, the
  source notebooks or another student's work, nor write into the course. This needs `unshare`
  and `setpriv` (util-linux) and either root or unprivileged user namespaces; where neither is
  available the grader refuses to run, unless you set `c.GradeApart.sandbox = "optional"` (a
  warning, no sandbox) in `course/nbgrader_config.py`. To hide more folders (an exchange
  directory), list them in `c.GradeApart.hide`.

Feedback (`nbgrader generate_feedback`) shows the student their outputs and each autograded
cell's verdict, never the hidden tests. A cell that outlives the time limit (two minutes) is
interrupted and costs only its own points; the rest of the notebook is still graded.

The hidden tests are in the book's public repository (`tools/nbgrader/tests/`): what keeps a
grade honest is that they check the student's own function on fresh inputs, not that they are
secret. Still grade on a machine that holds nothing else of value, and keep the course folder
private to you.

Self-checks never state the answer, refuse `xorlab`'s own reference functions, and enforce the
limits an exercise states (epochs, number of seeds); messages name known mistakes ("a sign is
flipped", "n times too large") so a wrong answer still teaches.

## Kinds of exercise and how to use them

| kind | suggested use |
|---|---|
""" + "".join(f"| {k} | {v} |\n" for k, v in USE.items())


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


def grading_points(stem):
    """{label: (autograded, written)} points from tools/nbgrader/tests/<stem>.py."""
    path = ROOT / "tools" / "nbgrader" / "tests" / f"{stem}.py"
    if not path.exists():
        return {}
    points = {}
    for label, marks in SPEC.findall(path.read_text(encoding="utf-8")):
        found = dict(re.findall(r"(auto|written)=(\d+)", marks))
        points[label] = (int(found.get("auto", 0)), int(found.get("written", 0)))
    return points


def grading_load(paths):
    """The grading-load table: points per chapter and a TA's hours per 100 students."""
    lines = [
        "## Grading load",
        "",
        "Autograded points cost no one's time. Each written answer is read against its rubric;",
        f"at about {TA_MINUTES_PER_ANSWER} minutes an answer (our estimate, not a measurement:",
        "set `TA_MINUTES_PER_ANSWER` in `tools/instructor_guide.py` to yours) a chapter costs:",
        "",
        "| chapter | autograded points | written answers (points) | TA hours per 100 students |",
        "|---|---|---|---|",
    ]
    total = 0
    for path in paths:
        points = grading_points(path.stem).values()
        auto = sum(a for a, _ in points)
        answers = [w for _, w in points if w]
        hours = len(answers) * TA_MINUTES_PER_ANSWER * 100 / 60
        total += hours
        lines.append(
            f"| {{doc}}`{path.stem}` | {auto} | {len(answers)} ({sum(answers)}) | {hours:.1f} |"
        )
    lines += ["", f"All chapters: about {total:.0f} TA hours per 100 students.", ""]
    return "\n".join(lines)


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
    points = grading_points(path.stem)
    if rubrics:
        lines += ["", "**Rubrics for the written answers** (points in an autograded course)."]
    for e in rubrics:
        r, worth = e["rubric"], points.get(e["label"], (0, 0))[1]
        full, half = (f" ({worth:g} point{'s' if worth != 1 else ''})", f" ({worth / 2:g})")
        lines += ["", f"{{ref}}`{e['label']}`", ""]
        lines += [
            f"- *Full{full if worth else ''}:* {r['full']}",
            f"- *Partial{half if worth else ''}:* {r['partial']}",
            f"- *Wrong{' (0)' if worth else ''}:* {r['wrong']}",
        ]
    return "\n".join(lines) + "\n"


def plan_sessions(plan, chapters):
    """The sessions of a syllabus: [dict(session, in_class, ahead, exercises, homework,
    in_min, home_min)]. In class: the chapters read and run together, in order, while they fit
    CLASS_MINUTES; then their recall and compute exercises while they fit. Ahead: a chapter
    that does not fit, read and run at home before the session. Homework: every other
    exercise."""
    sessions = []
    for session, slugs in plan:
        here = [s for s in slugs if s in chapters]
        if not here:
            continue
        in_class, ahead, used = [], [], 0
        for slug in here:
            read = reading_minutes(chapters[slug][1]) or 0
            if not in_class or used + read <= CLASS_MINUTES:
                in_class.append(slug)
                used += read
            else:
                ahead.append(slug)
        inclass, home = [], []
        for slug in here:
            for e in exercises(chapters[slug][0]):
                fits = used + (e["minutes"] or 0) <= CLASS_MINUTES
                if slug in in_class and e["kind"] in IN_CLASS and fits:
                    inclass.append(e)
                    used += e["minutes"] or 0
                else:
                    home.append(e)
        prep = sum(reading_minutes(chapters[s][1]) or 0 for s in ahead)
        sessions.append(
            {
                "session": session,
                "in_class": in_class,
                "ahead": ahead,
                "exercises": inclass,
                "homework": home,
                "in_min": used,
                "home_min": prep + sum(e["minutes"] or 0 for e in home),
            }
        )
    return sessions


def _plan_rows(plan, chapters):
    """Table rows of a syllabus (see plan_sessions)."""
    rows = []
    ref = lambda es: ", ".join(f"{{ref}}`{e['label']}`" for e in es) or "none"  # noqa: E731
    doc = lambda ss: ", ".join(f"{{doc}}`{s}`" for s in ss)  # noqa: E731
    for s in plan_sessions(plan, chapters):
        ahead = f"before class, read and run {doc(s['ahead'])}; " if s["ahead"] else ""
        rows.append(
            f"| {s['session']} | {doc(s['in_class'])} | reading and running; "
            f"{ref(s['exercises'])} (about {s['in_min']} min in all) | {ahead}"
            f"{ref(s['homework'])} (about {s['home_min']} min) |"
        )
    return rows


def syllabi(paths):
    """The two sample syllabi, computed from the chapters' stated and exercise times."""
    chapters = {}
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        chapters[p.stem] = (nb, front_matter(nb.cells[0].source)[3])
    head = ["| session | chapter in class | in class | out of class |", "|---|---|---|---|"]
    return "\n".join(
        [
            "## Sample syllabi",
            "",
            "Both plans cover every chapter and fit a class session of",
            f"{CLASS_MINUTES} minutes. In class: reading and running a chapter together, then",
            "as many of its recall and compute exercises as the session still holds. Out of",
            "class: a second chapter of the same session, read and run before it, and every",
            "other exercise; the build exercises are graded by their self-checks (and by hidden",
            "tests in an autograded course), the written parts by the rubrics below. Times are",
            "the chapters' own estimates.",
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


VARIANTS = """## Each student's own numbers

Some autograded exercises give each student numbers of their own (a loss's weight, a
network's width, activation and loss, a data set, the planted variation), so that answers
differ between students and between years, and none is the one the chapter works through. So
far: {chapters}. The exercise section opens with a cell
`mine = xl.checks.my_numbers("<chapter>", course="<course id>")` that prints the student's
numbers; the exercises name them `mine["..."]`, the self-checks take `numbers=mine`, and the
model answers compute from `mine`, so they are right for every student.

- **The student id.** In the student's notebook it is `XORLAB_STUDENT` if set, else
  `JUPYTERHUB_USER`: on a JupyterHub that is the login, which must be the student's nbgrader
  id. Without a hub, set `XORLAB_STUDENT` in each student's environment. When grading,
  `grade_apart.py` sets `XORLAB_STUDENT` to nbgrader's student id and `XORLAB_COURSE` to the
  course id, in the student's kernel and in the hidden tests' process, and the hidden tests
  compute the expected answers from those: a notebook that changes its own environment or its
  `mine` changes only its own grade.
- **The course id** enters every student's numbers. `make assignments` uses
  `why-wont-it-learn`; give each year its own, for instance
  `python -m tools.assignments course --course-id ml101-2027`, which writes it into the
  releases' `my_numbers` calls and into `course/nbgrader_config.py`. Reusing an id reuses last
  year's numbers, and last year's answers.
- **A student without an id** (Binder, Colab, a reader at home) gets the chapter's own
  numbers, whose answers the chapter works through: right for self-study, worth nothing for
  credit. Graded without nbgrader's ids, the hidden tests fail with "XORLAB_STUDENT not set"
  rather than grade against someone else's numbers.
- **A student's numbers, for a TA:**
  `xl.checks.numbers_for("xor-done-right", "why-wont-it-learn", "ada")` returns the dict that
  the student `ada` sees in course `why-wont-it-learn`.
"""


def variants_section(paths):
    """The section on per-student numbers, naming the chapters whose exercises have them."""
    titles = [
        f"*{front_matter(nbformat.read(p, as_version=4).cells[0].source)[0]}*"
        for p in paths
        if "xl.checks.my_numbers(" in p.read_text(encoding="utf-8")
    ]
    return VARIANTS.format(chapters=", ".join(titles) or "none")


def render():
    paths = toc.chapters()
    sections = "\n".join(chapter_section(p) for p in paths)
    head = INTRO + "\n" + variants_section(paths)
    return head + "\n" + syllabi(paths) + "\n" + grading_load(paths) + "\n" + sections


def main():
    text = render()
    if "--check" in sys.argv:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
            sys.exit(
                f"{PAGE.relative_to(ROOT)} is out of date: run python -m tools.instructor_guide"
            )
        return
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
