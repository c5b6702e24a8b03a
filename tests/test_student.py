"""The student edition is sealed: no solution, no verdict and no expected value survives in it,
every self-check survives and still runs, and the edition is a book of its own.

The book's own notebooks are checked too: each self-check passes on its solution, and no cell in
the exercises prints a verdict on anything but the learner's answer (no demonstration lines).
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from tools import student, toc

ROOT = Path(__file__).resolve().parents[1]

CHAPTERS = toc.chapters()
IDS = [p.stem for p in CHAPTERS]
CHECK = re.compile(r"checks\.(check_\w+)\(")
LABEL = re.compile(r"\{exercise\}[^\n]*\n:label: (\S+)")


def md(src):
    return nbformat.v4.new_markdown_cell(src)


def code(src, tags=()):
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = list(tags)
    cell.outputs = [nbformat.v4.new_output("stream", text="Correct.\n")]
    return cell


# --- reading a chapter's exercises ------------------------------------------------------------


def in_solution(cells):
    """[bool] per cell: a code cell inside a solution fence or tagged `solution`."""
    inside, flags = False, []
    for cell in cells:
        if cell.cell_type == "markdown":
            for m in re.finditer(r"\{solution-(start|end)\}", cell.source):
                inside = m.group(1) == "start"
            flags.append(False)
        else:
            flags.append(inside or "solution" in cell.metadata.get("tags", []))
    return flags


def regions(cells):
    """{label: [(cell, is_solution)]}: each exercise's cells, from its directive to the next
    exercise or the takeaways."""
    out, label = {}, None
    for cell, sol in zip(cells, in_solution(cells)):
        if cell.cell_type == "markdown" and "## Takeaways" in cell.source:
            label = None
        found = LABEL.findall(cell.source) if cell.cell_type == "markdown" else []
        label = found[-1] if found else label
        if label:
            out.setdefault(label, []).append((cell, sol))
    return out


def solution_text(cell):
    """The part of a markdown cell that lies inside a solution."""
    parts, inside = [], False
    for piece in re.split(r"(\{solution-start\}|\{solution-end\}|\{solution\})", cell.source):
        if piece in ("{solution-start}", "{solution}"):
            inside = True
        elif piece == "{solution-end}":
            inside = False
        elif inside:
            parts.append(piece.split("\n```", 1)[0] if "{solution}" in cell.source else piece)
    return "\n".join(parts)


def outputs_text(cell):
    texts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            texts.append(out.text)
        elif "data" in out:
            texts.append(str(out.data.get("text/plain", "")))
    return "\n".join(texts)


def _evaluate(node):
    """The value of a constant expression (numbers, strings, np.log...), or None."""
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    if names - {"np"}:
        return None
    try:
        return eval(compile(ast.Expression(node), "<answer>", "eval"), {"np": np})  # noqa: S307
    except Exception:
        return None


def assigned_values(source):
    """Values a solution code cell assigns at top level to plain names."""
    values = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            value = _evaluate(node.value)
            values += list(value) if isinstance(value, tuple) else [value]
    return [v for v in values if v is not None]


def number_forms(value):
    """Ways a number can be written that are specific enough to be a leak (3+ significant
    digits), e.g. 0.125 -> 0.125, 0.1250, ...; -0.025183 -> -0.0252, -0.02518, ..."""
    forms = {f"{value:.{s}g}" for s in range(3, 7)} | {f"{value:.{d}f}" for d in range(2, 7)}
    digits = lambda f: f.lstrip("-").replace(".", "").strip("0")  # noqa: E731
    return {f for f in forms if len(digits(f)) >= 3 and "e" not in f}


def expected_values(region):
    """The number forms and strings an exercise's solution holds: values assigned in its code,
    decimals printed by it or written in its text."""
    numbers, strings = set(), set()
    for cell, sol in region:
        if sol:
            for v in assigned_values(cell.source):
                if isinstance(v, str) and len(v) >= 2:
                    strings.add(v)
                elif isinstance(v, (int, float)) and not isinstance(v, bool) and v:
                    numbers.add(float(v))
            text = outputs_text(cell)
        elif cell.cell_type == "markdown":
            text = solution_text(cell)
        else:
            continue
        numbers |= {float(x) for x in re.findall(r"-?\d+\.\d+", text) if float(x)}
    forms = set().union(*(number_forms(v) for v in numbers)) if numbers else set()
    return forms, strings


# --- the unit: solutions become stubs -----------------------------------------------------------


def test_solutions_become_stubs_and_exercise_outputs_clear():
    cells = [
        md("Intro"),
        code("x = 1"),
        md("```{exercise} E\n:label: ex-1\n\nWrite grad.\n```"),
        md("```{solution-start} ex-1\n:class: dropdown\n```\nSECRET EXPLANATION"),
        code("def grad(p, y):\n    return SECRET_FORMULA(p, y)", ["solution"]),
        code("answer = 42"),
        md("```{solution-end}\n```\n\nKept after the end."),
        code("print(check(grad))"),
        md("Text before.\n\n```{solution} ex-1\n:class: dropdown\n\nHIDDEN\n```\n\nText after."),
        code("weights = {'W1': 3}", ["solution"]),
    ]
    out = student.student_cells(cells)
    text = "\n".join(c.source for c in out)
    assert "SECRET" not in text and "HIDDEN" not in text and "42" not in text
    assert "{solution" not in text and "Text before." in text and "Text after." in text
    assert "Kept after the end." in text
    stub = out[3].source
    assert "def grad(p, y):" in stub and "NotImplementedError" in stub and "answer = None" in stub
    assert out[-1].source.endswith("weights = {}")  # a dict stays a dict: `**weights` runs
    assert out[1].outputs and not out[5].outputs  # outputs kept before the exercises, cleared after


def test_number_forms_are_specific():
    assert "0.125" in number_forms(0.125) and "-0.02518" in number_forms(-0.025183)
    assert not number_forms(4.0) and not number_forms(0.25) and not number_forms(0.4)


# --- the book's own exercises ---------------------------------------------------------------


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_book_checks_pass_on_their_solutions_and_no_demo_prints_a_verdict(path):
    for label, region in regions(nbformat.read(path, as_version=4).cells).items():
        for cell, sol in region:
            if cell.cell_type != "code":
                continue
            text = outputs_text(cell)
            assert "Not yet." not in text, f"{label}: a demonstration prints a verdict: {text!r}"
            if not sol and CHECK.search(cell.source):
                calls = len(CHECK.findall(cell.source))
                assert text.count("Correct.") == calls, f"{label}: the check fails: {text!r}"
            if sol:
                assert "Correct." not in text, f"{label}: a check runs inside the solution"


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_each_check_reads_its_own_exercise_s_answer(path):
    """A check cell reads names its own solution defines, never another exercise's (field
    guide exercise 3 once checked `case`, the answer of exercise 2)."""
    found = regions(nbformat.read(path, as_version=4).cells)
    defined = {
        label: {n for c, sol in region if sol for n, _ in student.defined_names(c.source)}
        for label, region in found.items()
    }
    everywhere = set().union(*defined.values()) if defined else set()
    for label, region in found.items():
        for cell, sol in region:
            if sol or cell.cell_type != "code" or not CHECK.search(cell.source):
                continue
            read = {n.id for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.Name)}
            foreign = (read & everywhere) - defined[label]
            assert not foreign, f"{label}: its check reads {sorted(foreign)} of another exercise"


# --- the edition --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    return student.write_edition(out, "https://github.com/some-course/xor-2027", "main", "student")


def test_edition_is_a_book_with_its_own_launch_buttons(edition):
    config = (edition / "_config.yml").read_text(encoding="utf-8")
    assert "url: https://github.com/some-course/xor-2027" in config
    assert 'path_to_book: "student"' in config and "binderhub_url:" in config
    assert "colab_url:" in config
    toc_text = (edition / "_toc.yml").read_text(encoding="utf-8")
    documents = toc.documents(edition)
    chapters = [p.relative_to(ROOT).with_suffix("").as_posix() for p in CHAPTERS]
    assert documents[1 : len(CHAPTERS) + 1] == chapters
    for f in documents:
        assert any((edition / f"{f}{ext}").exists() for ext in (".md", ".ipynb")), f
    assert (
        "instructor-guide" not in toc_text
        and not (edition / "chapters/instructor-guide.md").exists()
    )
    assert (edition / "references.bib").exists()


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_no_solution_text_survives(edition, path):
    original = nbformat.read(path, as_version=4)
    text = (edition / "chapters" / path.name).read_text(encoding="utf-8")
    hidden = [c.source for c, sol in zip(original.cells, in_solution(original.cells)) if sol]
    hidden += [solution_text(c) for c in original.cells if c.cell_type == "markdown"]
    public = "\n".join(  # lines a solution shares with the chapter's own code are no secret
        c.source
        for c, sol in zip(original.cells, in_solution(original.cells))
        if c.cell_type == "code" and not sol
    )
    for src in hidden:
        for line in src.splitlines():
            if line.strip() in public:
                continue
            if len(line.strip()) > 25 and not line.startswith("def "):  # signatures stay
                assert line.strip() not in text, f"{path.name}: solution line survives: {line!r}"
    assert "{solution" not in text


def cell_names(source):
    """(defined, read) top-level-relevant names of a code cell; None if it does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    defined, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else defined).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return defined, read


def exercise_slice(nb):
    """The notebook cut to its exercises and the earlier cells they need: a code cell before
    the exercises is kept when it defines a name that a kept cell reads (or does not parse).
    The cut cells are the chapter's own text, which nbval runs in the book; what differs in
    the student edition is the exercises."""
    first = next(i for i, c in enumerate(nb.cells) if "{exercise}" in c.source)
    keep = list(nb.cells[first:])
    needed = set()
    for cell in keep:
        names = cell_names(cell.source) if cell.cell_type == "code" else None
        needed |= names[1] if names else set()
    body = []
    for cell in reversed(nb.cells[:first]):
        if cell.cell_type != "code":
            continue
        names = cell_names(cell.source)
        if names is None or names[0] & needed:
            body.insert(0, cell)
            needed |= names[1] if names else set()
    nb.cells = body + keep
    return nb


RUN = """
import sys, nbclient, nbformat
from tools import steady_kernel
source, target, where = sys.argv[1:]
steady_kernel.patch()
nb = nbformat.read(source, as_version=4)
client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                 resources={"metadata": {"path": where}})
try:
    client.execute()
finally:
    nbformat.write(nb, target)
"""


@pytest.fixture(scope="module")
def executed(edition, tmp_path_factory, request):
    """The student notebooks the session tests, each run once in a fresh kernel, two at a
    time (the CI has two cores): {path: (notebook, error text)}."""
    out, running, results = tmp_path_factory.mktemp("executed"), [], {}
    queue = [
        item.callspec.params["path"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_edition_runs_sealed"
    ]
    while queue or running:
        while queue and len(running) < 2:
            path = queue.pop(0)
            source, target = out / f"{path.stem}-slice.ipynb", out / path.name
            nbformat.write(
                exercise_slice(nbformat.read(edition / "chapters" / path.name, 4)), source
            )
            where = edition / "chapters"
            args = [sys.executable, "-c", RUN, str(source), str(target), str(where)]
            # from the repository's root, where `python -c` finds `tools`; the kernel runs in
            # `where`, the edition's chapters/
            worker = subprocess.Popen(args, cwd=ROOT, stderr=subprocess.PIPE, text=True)
            running.append((path, target, worker))
        path, target, proc = running.pop(0)
        _, err = proc.communicate(timeout=600)
        results[path] = (nbformat.read(target, as_version=4), err if proc.returncode else "")
    return results


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_edition_runs_sealed(executed, path):
    """Every cell runs; no output says "Correct."; every self-check of the book is there and
    answers "Not yet." on the untouched stub; no value of a solution is visible in the
    exercises."""
    book = regions(nbformat.read(path, as_version=4).cells)
    nb, error = executed[path]
    assert not error, f"{path.stem}: a cell failed:\n{error[-3000:]}"
    for cell in nb.cells:
        assert "Correct." not in outputs_text(cell), f"{path.stem}: {cell.source[:80]!r}"
    mine = regions(nb.cells)
    assert set(mine) == set(book)
    for label, region in book.items():
        wanted = {n for c, sol in region if not sol for n in CHECK.findall(c.source)}
        cells = [c for c, _ in mine[label]]
        kept = [c for c in cells if c.cell_type == "code" and CHECK.search(c.source)]
        assert {n for c in kept for n in CHECK.findall(c.source)} == wanted, label
        for c in kept:
            assert "Not yet." in outputs_text(c), f"{label}: {c.source!r} gave no verdict"
        forms, strings = expected_values(region)
        visible = "\n".join(c.source + "\n" + outputs_text(c) for c in cells)
        for form in forms:
            assert not re.search(rf"(?<![\d.]){re.escape(form)}(?!\d)", visible), (label, form)
        exercise_text = next(c.source for c, _ in region if c.cell_type == "markdown")
        for s in strings - {s for s in strings if s in exercise_text}:
            assert not re.search(rf"\b{re.escape(s)}\b", visible), (label, s)
