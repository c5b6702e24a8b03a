"""Every measured number quoted in a chapter's prose appears in the outputs of its cells.

A number typed into the text drifts from the cell that computed it when the code changes and the
chapter is re-executed. This test reads each chapter's Markdown cells, finds the quoted
measurements (percentages such as `85.8%` or `95%`, intervals such as `59.9-65.8` or
`[98.2, 99.5]`, and errors in e-notation such as `3.6e-08`), and requires each to appear, as
printed, in the text outputs of the same chapter. Numbers that are not measurements (a
threshold set by an exercise, a definition) are listed in `NOT_MEASURED` with the reason.

(We chose this over myst-nb's `glue`: a glued number shows as raw `{glue:}` text in plain
JupyterLab and in the student edition, while a typed number reads the same everywhere and this
test keeps it honest.)
"""

import re

import nbformat
import pytest
from book_pages import chapter_notebooks

NOTEBOOKS = chapter_notebooks()

PERCENT = re.compile(r"(?<![\w.^{])(\d+(?:\.\d+)?)\s*\\?%")
INTERVAL = re.compile(r"(?<![\w.])(\d+\.\d+)\s*(?:-|–|to|, )\s*(\d+\.\d+)\s*\\?%?\s*[\])]")
E_NOTATION = re.compile(r"(?<![\w.])(\d(?:\.\d+)?e[-+]\d+)\b")

# chapter stem -> {quoted text: why it is not a measurement}
NOT_MEASURED = {
    "case-stuck-at-half": {
        "90%": "the design exercise's target, set by the exercise",
        "6%": "1 - 0.94, the factor printed at p = 1/2, rounded",
    },
    "case-sigmoid-vs-tanh": {"1%": "the definition of a flat loss (plateau, stuck)"},
    "case-rising-cost": {"100%": "a bound: no cell of the printed table reaches it"},
    "field-guide": {
        "30%": "the doctor's threshold for a loss that reverses direction",
        "1%": "the doctor's threshold for a loss that does not move",
        "5%": "the doctor's threshold for a loss that falls too slowly",
    },
}


def _prose(nb):
    """The Markdown of the chapter with code blocks and math displays removed."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    return re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)


def _outputs(nb):
    """All text the chapter's code cells printed or displayed, one string."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def quoted_numbers(prose):
    """The measured-looking numbers of `prose`: percentages, interval ends, e-notation."""
    found = [m.group(1) + "%" for m in PERCENT.finditer(prose)]
    for m in INTERVAL.finditer(prose):
        found += [m.group(1), m.group(2)]
    found += [m.group(1) for m in E_NOTATION.finditer(prose)]
    return found


def printed(number, outputs):
    """Whether `number` (e.g. '85.8%' or '59.9') appears in `outputs` as a whole token."""
    bare = number.rstrip("%")
    pattern = rf"(?<![\d.]){re.escape(bare)}(?![\d])"
    if number.endswith("%"):
        pattern += r"\s*%"
    return re.search(pattern, outputs) is not None


def test_the_extractor_finds_each_kind_of_number():
    prose = "solved in 85.8% (95% CI 59.9-65.8%), rate [98.2, 99.5], error 3.6e-08; $2^{10}$ 10%"
    expected = ["85.8%", "95%", "65.8%", "10%", "59.9", "65.8", "98.2", "99.5", "3.6e-08"]
    assert quoted_numbers(prose) == expected


def test_printed_matches_whole_tokens_only():
    assert printed("5.8%", "rate  5.8% (4.1-7.9)")
    assert not printed("5.8%", "rate 15.8%")
    assert not printed("5.8", "rate 5.85")
    assert printed("3.6e-08", "W1 (2, 2) 3.6e-08 +1.000")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_quoted_number_is_printed_by_a_cell(path):
    nb = nbformat.read(path, as_version=4)
    outputs = _outputs(nb)
    allowed = NOT_MEASURED.get(path.stem, {})
    missing = sorted(
        {n for n in quoted_numbers(_prose(nb)) if n not in allowed and not printed(n, outputs)}
    )
    assert not missing, f"{path.stem}: quoted in the prose but printed by no cell: {missing}"
