"""The student edition: no solution survives, and every remaining cell still runs."""

import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import student  # noqa: E402

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))


def md(src):
    return nbformat.v4.new_markdown_cell(src)


def code(src, tags=()):
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = list(tags)
    cell.outputs = [nbformat.v4.new_output("stream", text="Correct.\n")]
    return cell


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
    assert out[-1].source.endswith("weights = None")
    assert out[1].outputs and not out[5].outputs  # outputs kept before the exercises, cleared after


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    student.write_edition(out)
    return out


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_no_solution_text_survives(edition, path):
    original = nbformat.read(path, as_version=4)
    text = (edition / path.name).read_text(encoding="utf-8")
    hidden = [c.source for c in original.cells if "solution" in c.metadata.get("tags", [])]
    inside = False
    for cell in original.cells:
        if cell.cell_type != "markdown":
            continue
        src = cell.source
        if "{solution-start}" in src:
            inside, src = True, src.split("{solution-start}", 1)[1].split("```", 1)[-1]
        if inside:
            hidden.append(src.split("{solution-end}")[0].rsplit("```", 1)[0])
            inside = "{solution-end}" not in src
        if "{solution}" in cell.source:
            hidden.append(cell.source.split("{solution}", 1)[1].split("```", 1)[0])
    for src in hidden:
        for line in src.splitlines():
            if len(line.strip()) > 25 and not line.startswith("def "):  # signatures stay
                assert line.strip() not in text, f"{path.name}: solution line survives: {line!r}"
    assert "{solution" not in text


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_remaining_cell_runs(edition, path):
    nb = nbformat.read(edition / path.name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(edition)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
