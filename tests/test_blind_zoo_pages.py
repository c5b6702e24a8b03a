"""The field guide's figures for the blind zoos are the ones their result pages hold.

Each blind zoo (tests/doctor_blind*/) keeps the tables `tests/doctor_blind/run.py` printed:
FIRST_RUN.md, SECOND_RUN.md (runs made before the doctor was changed in the zoo's light) and
BASELINE.md (the doctor now). The field guide types the counts it reports into one code cell,
the `BLIND` list, and computes the rest; this test reads the counts back from each page's rows
(one verdict per program), not from its totals, so a stale or mistyped count fails.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(
    r"^\| ([hb]_\w+) \|.*\| (right|miss|miss \(crash\)|can't tell|false alarm|harmful) \|", re.M
)


def _blind_list():
    nb = nbformat.read(ROOT / "chapters" / "field-guide.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.lstrip("# \n").find("BLIND = [") >= 0:
            tree = ast.parse(cell.source)
            for node in tree.body:
                if isinstance(node, ast.Assign) and node.targets[0].id == "BLIND":
                    return ast.literal_eval(node.value)
    raise AssertionError("the field guide has no BLIND list")


def counts(page):
    """(healthy right, healthy n, false alarms, harmful, buggy right, buggy n, can't tell,
    missed) from the per-program rows of a run.py page."""
    verdicts = ROW.findall(page.read_text())
    assert verdicts, f"{page}: no program rows"
    healthy = [v for name, v in verdicts if name.startswith("h_")]
    buggy = [v for name, v in verdicts if name.startswith("b_")]
    return (
        healthy.count("right"),
        len(healthy),
        sum(v == "false alarm" for _, v in verdicts),
        sum(v == "harmful" for _, v in verdicts),
        buggy.count("right"),
        len(buggy),
        buggy.count("can't tell"),
        sum(v.startswith("miss") for v in buggy),
    )


ZOOS = sorted(p.name for p in (ROOT / "tests").glob("doctor_blind*/") if any(p.glob("b_*.py")))


@pytest.mark.parametrize("zoo", ZOOS)
def test_the_row_reader_sees_every_program_and_agrees_with_the_totals(zoo):
    folder = ROOT / "tests" / zoo
    page = folder / "BASELINE.md"
    h, hn, _, _, b, bn, _, _ = counts(page)
    assert hn + bn == len(list(folder.glob("[hb]_*.py")))
    totals = page.read_text().split("## Totals")[1]
    assert f"| healthy programs | {hn} | right | {h} |" in totals
    assert f"| buggy programs | {bn} | right | {b} |" in totals


@pytest.mark.parametrize("row", _blind_list(), ids=lambda r: r[0])
def test_each_reported_count_is_the_pages(row):
    zoo, page, (h, hn), alarms, harmful, (b, bn), cannot, missed = row
    assert (h, hn, alarms, harmful, b, bn, cannot, missed) == counts(
        ROOT / "tests" / f"doctor_{page}"
    )


def test_every_run_of_the_newest_zoo_is_reported():
    pages = {row[1] for row in _blind_list()}
    numbered = lambda p: int(p.name.removeprefix("doctor_blind") or 1)  # noqa: E731
    newest = max((ROOT / "tests").glob("doctor_blind*/"), key=numbered)  # blind10 after blind9
    for run in newest.glob("*.md"):
        if run.name in ("FIRST_RUN.md", "SECOND_RUN.md", "BASELINE.md"):
            assert f"{newest.name.removeprefix('doctor_')}/{run.name}" in pages, run
