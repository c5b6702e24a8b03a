"""What the chapters say before an exercise that is the exercise's answer, and what the
student's and the instructor's editions (tools/student.py, tools/assignments.py) show instead.

The book itself keeps every sentence: a reader who is not graded wants the answer where the
argument needs it. An edition that is handed out for credit must not state it above the
exercise that asks for it, so `hide` rewrites those places: a sentence or a code line becomes
a pointer to the exercise, an output line goes. Each edit names its cell (by id) and the exact
text it replaces, and `hide` fails when a chapter no longer holds that text, so an edited
chapter cannot bring a leak back silently.

ANSWERS lists, for each autograded exercise whose answer can be recognised on the page, the
patterns it would show as (tests/test_answer_leaks.py looks for them above the exercise).
"""

import copy
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """In cell `cell`, `old` (source, or with `output=True` a line of the output text) becomes
    `new` ('' drops it)."""

    cell: str
    old: str
    new: str = ""
    output: bool = False


EDITS = {
    "case-stuck-at-half": [
        Edit(
            "9d757308",
            "so the mean loss over XOR's four\nsamples can never go below $\\ln 2 / 4$.",
            "so the mean loss over XOR's four\nsamples has a floor above zero (exercise "
            "`ex-case-stuck-at-half-1` asks for it).",
        ),
        Edit(
            "a887b127",
            'print(f"lowest mean loss on XOR without biases: ln 2 / 4 = "\n'
            '      f"{np.log(2) / 4:.4f}")',
        ),
        Edit(
            "a887b127", "lowest mean loss on XOR without biases: ln 2 / 4 = 0.1733\n", output=True
        ),
        Edit(
            "521a47fe",
            "the right error signal is $\\delta = p - y$, and the program's is",
            "the right error signal $\\delta$ follows from the two (exercise "
            "`ex-case-stuck-at-half-3` asks for it), and the program's is",
        ),
        Edit(
            "i14-own-rows",
            "the error signal at the output becomes\n`delta = p - y` (the sigmoid's slope "
            "$p(1-p)$ cancels against the cross-entropy's\ndenominator)",
            "the error signal at the output becomes\nthe right one (exercise "
            "`ex-case-stuck-at-half-3`)",
        ),
        Edit(
            "7a8913ec",
            "and its loss can never go below $\\ln 2/4$.",
            "and its loss has a floor above zero.",
        ),
    ],
}

ANSWERS = {
    "ex-case-stuck-at-half-1": [r"ln\s*2\s*/\s*4", r"0\.173\d?", r"log\(2\)\s*/\s*4"],
    "ex-case-stuck-at-half-3": [r"delta\s*=\s*p\s*-\s*y"],
}


def hide(stem, cells):
    """Copies of `cells` (a chapter's) with EDITS[stem] applied; KeyError or ValueError if an
    edit's cell or text is gone."""
    cells = copy.deepcopy(cells)
    by_id = {c.get("id"): c for c in cells}
    for edit in EDITS.get(stem, []):
        cell = by_id[edit.cell]
        if edit.output:
            streams = [o for o in cell.get("outputs", []) if "text" in o and edit.old in o.text]
            if not streams:
                raise ValueError(f"{stem}: no output of cell {edit.cell} holds {edit.old!r}")
            for out in streams:
                out.text = out.text.replace(edit.old, edit.new)
        else:
            if edit.old not in cell.source:
                raise ValueError(f"{stem}: cell {edit.cell} no longer holds {edit.old!r}")
            cell.source = cell.source.replace(edit.old, edit.new)
    return cells


def shown(cells):
    """The text a reader sees in `cells`: Markdown, code and text outputs."""
    parts = []
    for cell in cells:
        parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def leaks(label, text):
    """The patterns of exercise `label`'s answer that `text` shows."""
    return [p for p in ANSWERS.get(label, []) if re.search(p, text)]
