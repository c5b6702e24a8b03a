"""Write an nbgrader course from the chapters: one assignment per chapter.

    python -m tools.assignments COURSE_DIR [CHAPTER ...]           # source/, release/, config
    python -m tools.assignments COURSE_DIR --check [CHAPTER ...]   # and the grading round trip
    python -m tools.assignments COURSE_DIR --course-id ml101-2027 [CHAPTER ...]

Run it with the grading environment (`make assignments` makes `.venv-grade` and runs it). For
each chapter (in `_toc.yml` order, or the stems given) it writes the nbgrader source notebook
`source/<chapter>/<chapter>.ipynb`:

- every code cell of a solution becomes a solution cell: a function's signature and docstring
  stay, its body and every other statement go between `### BEGIN SOLUTION` and
  `### END SOLUTION`;
- after each exercise's self-check cell comes an autograded test cell whose hidden tests, from
  `tools/nbgrader/tests/<chapter>.py`, recompute what they need from scratch (fresh imports under
  private names; only the answer the exercise names is read from the student's kernel);
- a written part becomes a manually graded Markdown cell holding the solution's prose and its
  rubric for the grader (also collected in `rubrics/<chapter>.md`, outside `source/`);
- no sentence, code line or output states an exercise's answer above it (tools/answer_leaks.py);
- the at-scale cells (1,000-seed experiments) show the chapter's stored result instead of running,
  so each assignment runs in seconds; cells that need their names are kept running;
- the chapter's `xl.checks.my_numbers("<chapter>")` names the course id (`--course-id`, also
  written into the course's nbgrader_config.py): each student's numbers depend on it, so a new
  id each year gives every student new numbers.

Then `nbgrader generate_assignment` writes `release/<chapter>/<chapter>.ipynb`, the notebook for
students, without solutions and hidden tests. `--check` then autogrades three submissions of
every assignment, the source (all solutions) as two students (SOLVERS, who get different
numbers) and the release untouched, and fails unless each solver gets every autograded point
and the untouched release none.
"""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from tools import answer_leaks, toc
from tools.nbgrader import grade_apart
from tools.student import END, START, defined_names

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "tools" / "nbgrader"
GRADE_PYTHON = Path(os.environ.get("GRADE_PYTHON", ROOT / ".venv-grade" / "bin" / "python"))
EXERCISE = re.compile(
    r"(?P<fence>`{3,}|:{3,})\{exercise\}[ \t]*(?P<title>[^\n]*)\n"
    r"(?P<options>(?::[^\n]*\n)*)(?P<body>.*?)\n(?P=fence)[ \t]*(?=\n|$)",
    re.S,
)
SOLUTION = re.compile(
    r"(?P<fence>`{3,}|:{3,})\{solution\}[ \t]*(?P<label>\S+)[^\n]*\n"
    r"(?P<options>(?::[^\n]*\n)*)(?P<body>.*?)\n?(?P=fence)[ \t]*(?:\n|$)",
    re.S,
)
RUBRIC_LEVELS = ("full", "partial", "wrong")
ANSWER = re.compile(r"^# answer (\w+): ([^\n]*)\n", re.M)
SECTION = re.compile(r"^# %% (?P<label>\S+)(?P<marks>[^\n]*)\n", re.M)
AT_SCALE = {"train_many", "train_online", "translation_train", "train_chains"}
AT_SCALE_MIN = 500  # networks: fewer than this runs in a moment
# The static form of an explorer renders dozens of figures for the HTML book; in Jupyter the
# live explorer does its job, so the assignment shows the player's code without running it.
PLAYERS = {"frame_player"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SCHEMA = 3
PRIVATE = ("nbgrader", "exercises")  # chapter metadata a release must not carry (rubrics)
COURSE_ID = "why-wont-it-learn"  # the default course id (nbgrader_config.py's)
SOLVERS = ("solved", "solved-2")  # the student ids the source notebook is graded as
MY_NUMBERS = re.compile(r"""(my_numbers\((?P<q>["'])(?P<chapter>[\w-]+)(?P=q))\)""")
COURSE_LINE = re.compile(r'^c\.CourseDirectory\.course_id = "[^"]*"$', re.M)


# --- the grading spec: tools/nbgrader/tests/<chapter>.py -----------------------------------


@dataclass
class Grading:
    """How one exercise is graded: `auto` points for its hidden `tests` (code), `written`
    points for an answer in words graded by hand."""

    label: str
    auto: int = 0
    written: int = 0
    tests: str = ""
    answers: dict = field(default_factory=dict)  # name: what it holds (`# answer NAME: ...`)


def _with_shared(tests):
    """`tests` after the code of tests/_shared.py (its docstring dropped) if it calls one of the
    functions defined there, else `tests` unchanged."""
    shared = (HERE / "tests" / "_shared.py").read_text(encoding="utf-8")
    names = re.findall(r"^def (\w+)\(", shared, re.M)
    if not any(re.search(rf"\b{name}\(", tests) for name in names):
        return tests
    code = shared.split('"""', 2)[2].strip("\n")
    return f"{code}\n\n\n{tests}"


def read_spec(stem):
    """{label: Grading} from tools/nbgrader/tests/<stem>.py; sections start with
    `# %% <label> auto=<points> written=<points>` and hold the hidden tests' code, preceded by
    tests/_shared.py's functions when they call one; a line `# answer NAME: words` says what
    the answer NAME the tests read holds (the release names it in the answer's cell)."""
    path = HERE / "tests" / f"{stem}.py"
    text = path.read_text(encoding="utf-8")
    heads = list(SECTION.finditer(text))
    spec = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        marks = dict(re.findall(r"(auto|written)=(\d+)", head.group("marks")))
        body = text[head.end() : end]
        spec[head.group("label")] = Grading(
            head.group("label"),
            int(marks.get("auto", 0)),
            int(marks.get("written", 0)),
            _with_shared(ANSWER.sub("", body).strip("\n")),
            dict(ANSWER.findall(body)),
        )
    return spec


# --- solution cells --------------------------------------------------------------------------


def _header_end(lines, node):
    """Index of the last line of `def ...:` (and of its docstring, if any)."""
    body = node.body
    if isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        if isinstance(body[0].value.value, str) and len(body) > 1:
            return body[0].end_lineno - 1
    start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
    indent = " " * body[0].col_offset
    for end in range(start, body[0].lineno - 1):
        try:
            ast.parse("\n".join(lines[start : end + 1]) + f"\n{indent}pass")
            return end
        except SyntaxError:
            continue
    return body[0].lineno - 2


def solution_source(src):
    """`src` with its solution marked for nbgrader: each top-level function keeps its
    signature (and docstring) and gets its body, with any comments just above the `def`, as
    a solution region; every other run of statements is a solution region of its own."""
    lines = src.rstrip("\n").split("\n")
    out, pending, cursor = [], [], 0

    def flush():
        while pending and not pending[0].strip():  # blank lines stay outside the region
            out.append(pending.pop(0))
        if pending:
            out.extend(["### BEGIN SOLUTION", *pending, "### END SOLUTION"])
        pending.clear()

    try:
        body = ast.parse(src).body
    except SyntaxError:  # IPython syntax: the whole cell is the solution
        return "\n".join(["### BEGIN SOLUTION", *lines, "### END SOLUTION"])
    for node in body:
        first = (node.decorator_list[0].lineno if getattr(node, "decorator_list", None) else 0) or (
            node.lineno
        )
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            pending.extend(lines[cursor : node.end_lineno])
            cursor = node.end_lineno
            continue
        before = lines[cursor : first - 1]  # only comments and blank lines
        flush()
        out.extend(line for line in before if not line.strip())
        comments = [line for line in before if line.strip()]
        head = _header_end(lines, node)
        indent = " " * node.body[0].col_offset
        out.extend(lines[first - 1 : head + 1])
        out.append(f"{indent}### BEGIN SOLUTION")
        out.extend(indent + c.strip() for c in comments)
        out.extend(lines[head + 1 : node.end_lineno])
        out.append(f"{indent}### END SOLUTION")
        cursor = node.end_lineno
    pending.extend(lines[cursor:])
    flush()
    return "\n".join(out)


def _meta(cell, grade_id, *, solution=False, grade=False, points=0, locked=False):
    cell.metadata["nbgrader"] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": SCHEMA,
        "solution": solution,
        "task": False,
        **({"points": points} if grade else {}),
    }
    return cell


# --- at-scale cells --------------------------------------------------------------------------


def _called(call):
    return getattr(call.func, "attr", None) or getattr(call.func, "id", None)


def _count(call):
    """The number of networks a call to an at-scale entry point trains (0 if not one)."""
    name = _called(call)
    if name not in AT_SCALE:
        return 0
    args = [a for a in call.args[:1]] + [k.value for k in call.keywords if k.arg == "n"]
    values = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, int)]
    return max(values, default=0)


def at_scale(src):
    """True if the code trains at least AT_SCALE_MIN networks in one call, or renders the
    frames of a player."""
    try:
        tree = ast.parse(src)
    except SyntaxError:  # IPython magics: not an experiment
        return False
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    return any(_count(c) >= AT_SCALE_MIN or _called(c) in PLAYERS for c in calls)


def names(src):
    """(defined, used) top-level names of a code cell; (set(), set()) if it does not parse."""
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return set(), set()
    defined, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, ast.Store) else used).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):  # a parameter is local to its function
            defined.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((a.asname or a.name).split(".")[0] for a in node.names)
    return defined, used


def stored_cells(cells, first_exercise):
    """Indices of the code cells before the exercises that show their stored result instead of
    running: the at-scale cells, and the cells that use a name only they define. A cell whose
    names an exercise (or another running cell) needs runs after all."""
    code = {i: c for i, c in enumerate(cells) if c.cell_type == "code"}
    stored = {i for i in code if i < first_exercise and at_scale(code[i].source)}
    pinned = set()  # cells that must run: each step pins a cell or stores one, so this ends
    while True:
        owner, grow, unstore = {}, set(), set()
        for i, cell in code.items():
            defined, used = names(cell.source)
            outside = used - defined  # a name the cell also assigns is taken as its own
            sources = {owner[n] for n in outside if n in owner} & stored
            if i not in stored and (i >= first_exercise or i in pinned):
                unstore |= sources
            elif i not in stored and sources:
                grow.add(i)
            owner.update({n: i for n in defined})
        if unstore:
            stored -= unstore
            pinned |= unstore
        elif grow:
            stored |= grow
        else:
            return stored


def stored_result(cell, chapter):
    """A Markdown cell showing `cell`'s code and the output the chapter stored for it."""
    parts = [
        "*Not run in this assignment, to keep it quick (it trains a thousand networks or renders "
        "the frames of a player): its code and the result stored in the book follow. Run it in "
        f"the chapter `{chapter}.ipynb` to reproduce them.*",
        "",
        "```python",
        cell.source,
        "```",
    ]
    attachments, texts = {}, []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.name == "stdout":
            texts.append(out.text)
        elif WIDGET_VIEW in out.get("data", {}):
            texts.append("\0*Its output is an interactive player: run the cell to see it.*")
        elif "data" in out:
            if "image/png" in out.data:
                name = f"figure{len(attachments) + 1}.png"
                attachments[name] = {"image/png": out.data["image/png"]}
                alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "figure")
                texts.append(f"\0![{alt}](attachment:{name})")
            elif "text/plain" in out.data and not out.data["text/plain"].startswith("<Figure"):
                texts.append(out.data["text/plain"] + "\n")
    for text in texts:
        parts += ["", text[1:]] if text.startswith("\0") else ["", "```text", text.rstrip(), "```"]
    md = nbformat.v4.new_markdown_cell("\n".join(parts))
    if attachments:
        md.attachments = attachments
    return md


# --- one chapter -----------------------------------------------------------------------------


@dataclass
class Chapter:
    """The state of the walk through one chapter's cells."""

    stem: str
    spec: dict
    out: list = field(default_factory=list)
    prose: dict = field(default_factory=dict)
    labels: list = field(default_factory=list)
    solution_cells: dict = field(default_factory=dict)
    codes: dict = field(default_factory=dict)  # label: [source of each solution code cell]
    rubrics: dict = field(default_factory=dict)  # label: {"full": ..., "partial": ..., ...}

    def grading_cells(self, label):
        """The cells that grade exercise `label`: its autograded tests, then its written answer."""
        grading = self.spec.get(label)
        if grading is None:
            raise KeyError(f"{self.stem}: exercise {label} has no section in tests/{self.stem}.py")
        cells = []
        if grading.auto:
            src = "\n".join(
                [
                    f"# Autograded, {grading.auto} point(s): hidden tests run on your answer when "
                    "the notebook is graded.",
                    "### BEGIN HIDDEN TESTS",
                    "import warnings as _warnings",
                    "",
                    "with _warnings.catch_warnings():  # a warning on stderr would cost the points",
                    '    _warnings.simplefilter("ignore")',
                    *(f"    {line}" if line else "" for line in grading.tests.split("\n")),
                    "### END HIDDEN TESTS",
                ]
            )
            cells.append(
                _meta(
                    nbformat.v4.new_code_cell(src),
                    f"{label}-tests",
                    grade=True,
                    points=grading.auto,
                    locked=True,
                )
            )
        if grading.written:
            prompt = (
                f"**Your answer in words to exercise `{label}`** ({grading.written} point(s), "
                "graded by hand): write it in the cell below."
            )
            cells.append(nbformat.v4.new_markdown_cell(prompt))
            answer = model_answer(self, label)
            cells.append(
                _meta(
                    nbformat.v4.new_markdown_cell(answer),
                    f"{label}-answer",
                    solution=True,
                    grade=True,
                    points=grading.written,
                )
            )
        return cells


def level_points(written):
    """{level: points} of a written answer worth `written` points: all, half, none."""
    return {"full": written, "partial": written / 2, "wrong": 0}


def rubric_lines(rubric, written=0):
    """Markdown lines of a rubric {"full": ..., "partial": ..., "wrong": ...} (none if empty),
    each level with its points when the answer is worth `written` points."""
    if not rubric:
        return []
    points = level_points(written)
    lines = ["**Rubric** (for the grader):", ""]
    for level in RUBRIC_LEVELS:
        if rubric.get(level):
            worth = f" ({points[level]:g} of {written})" if written else ""
            lines.append(f"- *{level}*{worth}: {rubric[level]}")
    return lines


def model_answer(ch, label):
    """The source notebook's answer cell: the solution's prose (or, when the chapter's solution
    is code alone, its code and the rubric's full-marks answer), then the rubric."""
    prose = "\n\n".join(p.strip() for p in ch.prose.get(label, []) if p.strip())
    rubric = ch.rubrics.get(label) or {}
    if not prose:
        code = "\n\n".join(ch.codes.get(label, []))
        parts = [f"```python\n{code}\n```"] if code else []
        parts += [f"In words: {rubric['full']}"] if rubric.get("full") else []
        prose = "\n\n".join(parts) or "(The chapter has no solution for this part.)"
    written = ch.spec[label].written if label in ch.spec else 0
    lines = rubric_lines(rubric, written)
    return "\n\n".join([prose] + (["\n".join(lines)] if lines else []))


def _exercise_heading(match):
    options = dict(re.findall(r":(\w+):[ \t]*(\S*)", match.group("options")))
    label = options.get("label", "")
    title, body = match.group("title").strip(), match.group("body").strip()
    return f"### Exercise `{label}`: {title}\n\n{body}"


def _markdown(chapter, text, like):
    text = EXERCISE.sub(_exercise_heading, text).strip("\n")
    if text.strip():
        cell = nbformat.v4.new_markdown_cell(text)
        cell.metadata = {k: v for k, v in like.metadata.items() if k not in PRIVATE}
        chapter.out.append(cell)


def answer_note(grading, src):
    """Visible comment lines naming the variables of `src` that the hidden tests of `grading`
    read (functions keep their signature anyway): "# Your answer: <the spec's words>"."""
    if grading is None or not grading.tests:
        return ""
    read = set(grade_apart.answer_names(grading.tests))
    lines = []
    for name, args in defined_names(src):
        if name in read and (args is None or args == "{}"):
            words = grading.answers.get(name, "the value the exercise asks for")
            lines.append(f"# Your answer: `{name}`, {words}.")
    return "".join(f"{line}\n" for line in lines)


def _is_self_check(cell):
    return cell.cell_type == "code" and "checks.check_" in cell.source


def assignment_cells(nb, stem, spec):
    """The cells of the nbgrader source notebook of one chapter (see the module docstring)."""
    ch = Chapter(stem, spec)
    cells = nb.cells
    first = next(
        (i for i, c in enumerate(cells) if c.cell_type == "markdown" and "{exercise}" in c.source),
        len(cells),
    )
    stored = stored_cells(cells, first)
    inside, pending = None, None
    for i, cell in enumerate(cells):
        if cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            if inside or "solution" in tags:
                label = inside or (ch.labels[-1] if ch.labels else "solution")
                k = ch.solution_cells.get(label, 0) + 1
                ch.solution_cells[label] = k
                ch.codes.setdefault(label, []).append(cell.source)
                new = nbformat.v4.new_code_cell(
                    answer_note(ch.spec.get(label), cell.source) + solution_source(cell.source)
                )
                new.metadata = {"tags": [t for t in tags if t != "solution"]}
                ch.out.append(_meta(new, f"{label}-solution-{k}", solution=True))
                continue
            if pending and _is_self_check(cell):
                ch.out.append(cell)
                ch.out.extend(ch.grading_cells(pending))
                pending = None
                continue
            if pending:
                ch.out.extend(ch.grading_cells(pending))
                pending = None
            ch.out.append(stored_result(cell, stem) if i in stored else cell)
            continue
        for label, info in cell.metadata.get("exercises", {}).items():
            if info.get("rubric"):
                ch.rubrics[label] = info["rubric"]
        text = cell.source
        while text:
            if inside:
                end = END.search(text)
                if not end:
                    ch.prose.setdefault(inside, []).append(text)
                    break
                ch.prose.setdefault(inside, []).append(text[: end.start()])
                pending, inside, text = inside, None, text[end.end() :]
                if text.strip():  # more of this cell follows: grade the exercise here
                    ch.out.extend(ch.grading_cells(pending))
                    pending = None
                continue
            if pending:
                ch.out.extend(ch.grading_cells(pending))
                pending = None
            start, block = START.search(text), SOLUTION.search(text)
            nxt = min((m for m in (start, block) if m), key=lambda m: m.start(), default=None)
            head = text[: nxt.start()] if nxt else text
            ch.labels += [m.group(1) for m in re.finditer(r":label:[ \t]*(\S+)", head)]
            _markdown(ch, head, cell)
            if nxt is None:
                break
            if nxt is block:
                ch.prose.setdefault(block.group("label"), []).append(block.group("body"))
                pending, text = block.group("label"), text[block.end() :]
                if text.strip():
                    ch.out.extend(ch.grading_cells(pending))
                    pending = None
            else:
                inside, text = start.group(2), text[start.end() :]
    if pending:
        ch.out.extend(ch.grading_cells(pending))
    missing = [label for label in ch.labels if label not in ch.spec]
    if missing:
        raise KeyError(f"{stem}: no grading for {missing} in tools/nbgrader/tests/{stem}.py")
    return ch


def with_course(src, course_id):
    """`src` with each `my_numbers("<chapter>")` call naming the course:
    `my_numbers("<chapter>", course="<course_id>")`."""
    return MY_NUMBERS.sub(lambda m: f"{m.group(1)}, course={json.dumps(course_id)})", src)


def source_notebook(path, course_id=COURSE_ID):
    """(nbgrader source notebook, Chapter) for the chapter notebook at `path`, whose students'
    numbers are those of course `course_id`."""
    nb = nbformat.read(path, as_version=4)
    nb.cells = answer_leaks.hide(path.stem, nb.cells)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = with_course(cell.source, course_id)
    ch = assignment_cells(nb, path.stem, read_spec(path.stem))
    nb.cells = ch.out
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("exercises", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb, ch


def rubric_page(ch):
    """The grader's page for one chapter: every written answer's points, model answer, rubric."""
    lines = [f"# Grading `{ch.stem}`", ""]
    for label, grading in ch.spec.items():
        kinds = [f"{grading.auto} autograded" if grading.auto else ""]
        kinds.append(f"{grading.written} written" if grading.written else "")
        lines.append(f"## `{label}`: {' + '.join(k for k in kinds if k)} point(s)")
        lines.append("")
        if grading.written:
            lines += ["Model answer:", "", model_answer(ch, label), ""]
            if not ch.rubrics.get(label):
                lines += ["(No rubric in the chapter yet.)", ""]
    return "\n".join(lines)


def write_source(course, paths, course_id=COURSE_ID):
    """Write source/<stem>/<stem>.ipynb, rubrics/<stem>.md, nbgrader_config.py (with
    `course_id`) and the steady_kernel.py and grade_apart.py it imports."""
    course = Path(course)
    (course / "rubrics").mkdir(parents=True, exist_ok=True)
    config = (HERE / "nbgrader_config.py").read_text(encoding="utf-8")
    line = f"c.CourseDirectory.course_id = {json.dumps(course_id)}"
    config, found = COURSE_LINE.subn(line, config)
    if found != 1:
        raise ValueError("nbgrader_config.py sets no c.CourseDirectory.course_id")
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")
    shutil.copy(HERE.parent / "steady_kernel.py", course / "steady_kernel.py")
    shutil.copy(HERE / "grade_apart.py", course / "grade_apart.py")
    for path in paths:
        nb, ch = source_notebook(path, course_id)
        folder = course / "source" / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{path.stem}.ipynb")
        (course / "rubrics" / f"{path.stem}.md").write_text(rubric_page(ch), encoding="utf-8")


# --- nbgrader --------------------------------------------------------------------------------


def _grade_env():
    """The environment for nbgrader: the grading venv's bin first (nbgrader runs `alembic`)."""
    path = f"{GRADE_PYTHON.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def nbgrader(course, *args):
    """Run one nbgrader command in `course` with the grading environment; raise on failure."""
    run = subprocess.run(
        [str(GRADE_PYTHON), "-m", "nbgrader", *args],
        cwd=course,
        capture_output=True,
        text=True,
        env=_grade_env(),
    )
    if run.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{run.stdout}\n{run.stderr}")
    return run


def generate(course):
    """Release notebooks for every assignment in the course's source/ (one nbgrader run)."""
    nbgrader(course, "generate_assignment", "*", "--force")


def submit(course, stems, solvers=SOLVERS):
    """The submissions of each assignment: the source notebook by each of `solvers`, and the
    release `untouched`."""
    for stem in stems:
        pairs = [(student, "source") for student in solvers] + [("untouched", "release")]
        for student, folder in pairs:
            dest = Path(course) / "submitted" / student / stem
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(Path(course) / folder / stem / f"{stem}.ipynb", dest / f"{stem}.ipynb")


def scores(course):
    """{(assignment, student): {"auto": (score, max), "manual": {grade_id: score or None}}},
    read from the gradebook by tools/nbgrader/scores.py in the grading environment."""
    run = subprocess.run(
        [str(GRADE_PYTHON), "-m", "tools.nbgrader.scores", str(Path(course) / "gradebook.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=_grade_env(),
    )
    return {tuple(k.split("/")): v for k, v in json.loads(run.stdout).items()}


def round_trip(course, stems, solvers=SOLVERS):
    """Autograde the solved submissions (one per student of `solvers`, each with their own
    numbers) and the untouched one of every assignment; return (problems, scores): the problems
    are empty when every solved submission has all autograded points and every untouched one
    none; the scores are those of `scores`."""
    submit(course, stems, solvers)
    nbgrader(course, "autograde", "*", "--force")
    found, problems = scores(course), []
    for stem in stems:
        untouched = found[stem, "untouched"]
        for student in solvers:
            score, most = found[stem, student]["auto"]
            if most == 0 or score != most:
                problems.append(
                    f"{stem}: the solutions graded as {student} score {score} of {most} "
                    "autograded points"
                )
        if untouched["auto"][0] != 0:
            problems.append(f"{stem}: the untouched release scores {untouched['auto'][0]}")
        if any(v != 0 for v in untouched["manual"].values()):
            problems.append(f"{stem}: an unanswered written answer did not get 0")
    return problems, found


def chapter_paths(stems):
    paths = toc.chapters()
    if stems:
        paths = [p for p in paths if p.stem in stems]
        unknown = set(stems) - {p.stem for p in paths}
        if unknown:
            raise SystemExit(f"not a chapter in _toc.yml: {sorted(unknown)}")
    return paths


def main(argv):
    if not argv or argv[0].startswith("-"):
        raise SystemExit(__doc__)
    course, rest = Path(argv[0]).resolve(), argv[1:]
    check = "--check" in rest
    course_id = COURSE_ID
    if "--course-id" in rest:
        at = rest.index("--course-id")
        if at + 1 >= len(rest) or not re.fullmatch(r"[\w.-]+", rest[at + 1]):
            raise SystemExit("--course-id needs an id (letters, digits, '.', '_', '-')")
        course_id = rest[at + 1]
        del rest[at : at + 2]
    paths = chapter_paths([a for a in rest if a != "--check"])
    write_source(course, paths, course_id)
    generate(course)
    print(f"nbgrader course written to {course}: {len(paths)} assignment(s)")
    if check:
        problems, _ = round_trip(course, [p.stem for p in paths])
        for line in problems:
            print(line)
        if problems:
            raise SystemExit(1)
        print(
            f"round trip: solutions at full autograded marks as {' and '.join(SOLVERS)}, "
            "untouched releases at zero"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
