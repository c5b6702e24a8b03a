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

The exercises with per-student numbers (xorlab.exercises.variants) have another answer for
each student; the page works through the chapter's own numbers, seed 0, which no student
gets. `states_number` says whether a text states a student's number in any usual form.
"""

import copy
import re
from dataclasses import dataclass
from fractions import Fraction


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


def number_forms(x, share=False):
    """The ways the page could print the number `x` or -x: 3 to 6 significant digits (as
    `:.Ng` and `:.Nf` would show them), a fraction p/q when x is one with q <= 64, and, for a
    `share` (a fraction of a whole), a percentage with 1 or 2 decimals."""
    forms = set()
    for v in (x, -x):
        for digits in (3, 4, 5, 6):
            forms |= {f"{v:.{digits}g}", f"{v:.{digits}f}"}
        forms |= {f"{100 * v:.1f}%", f"{100 * v:.2f}%"} if share else set()
    ratio = Fraction(abs(x)).limit_denominator(64)
    if ratio.denominator > 1 and float(ratio) == abs(x):
        forms.add(f"{ratio.numerator}/{ratio.denominator}")
    # a form with fewer than 3 significant digits (0.02, 1.0) says too little to be an answer
    return {f for f in forms if "/" in f or sum(ch.isdigit() for ch in f.lstrip("-0.")) >= 3}


def states_number(text, x, share=False):
    """The forms of `x` (see number_forms) that `text` states as a whole number, not inside a
    longer one."""
    return sorted(
        f for f in number_forms(x, share) if re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", text)
    )
