"""What the doctor reports: a `Finding` per cause, gathered in a `Diagnosis`."""

import textwrap
from dataclasses import dataclass, field

import numpy as np

from .causes import CAUSES, CHAPTER_TITLES, RANK


@dataclass
class Finding:
    """One problem: a short `code` (a key of `causes.CAUSES`), a one-line `title`, the
    `evidence` in numbers, `where` to look in the code (the cause's, unless given), and the
    book's section that explains it (`chapter`, `section`, `url`)."""

    code: str
    title: str
    evidence: str
    where: str = ""

    def __post_init__(self):
        self.where = self.where or CAUSES[self.code].where

    @classmethod
    def of(cls, code, evidence, detail="", where="", **fields):
        """The finding of cause `code`, titled with the cause's title (its {fields} filled in)
        followed by `detail`."""
        return cls(code, CAUSES[code].title.format(**fields) + detail, evidence, where)

    @property
    def chapter(self):
        """The chapter's file name (without .ipynb)."""
        return CAUSES[self.code].chapter

    @property
    def section(self):
        """'Chapter title, section heading'."""
        cause = CAUSES[self.code]
        return f"{CHAPTER_TITLES[cause.chapter]}, section \u201c{cause.section}\u201d"

    @property
    def url(self):
        return CAUSES[self.code].url


def _wrap(text, first="", rest=""):
    """`text` after `first`, wrapped at 88 columns with `rest` before the next lines; a long
    word (a link) is never broken."""
    if len(first + text) <= 88:  # pragma: no mutate (< is the same: fill keeps 88 columns)
        return first + text
    return textwrap.fill(
        text,
        88,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,  # pragma: no mutate (None is False to textwrap)
        break_on_hyphens=False,  # pragma: no mutate (None is False to textwrap)
    )


@dataclass
class Diagnosis:
    """The doctor's report: `findings` (empty for a healthy implementation, most likely cause
    first), the gradient check behind them, the loss over the short training run: (steps + 1,),
    `summary` (what the run showed) and the `seed` of the doctor's random draws."""

    findings: list = field(default_factory=list)
    gradcheck: object = None
    losses: np.ndarray | None = None
    summary: str = ""
    seed: int | None = None

    @classmethod
    def of(cls, findings, gradcheck, losses, summary):
        """The diagnosis of `findings`: one per cause (the first of each code kept), ordered
        by `causes.CAUSES`."""
        merged = {}
        for f in findings:
            merged.setdefault(f.code, f)
        ordered = sorted(merged.values(), key=lambda f: RANK[f.code])
        return cls(ordered, gradcheck, losses, summary)

    @property
    def healthy(self):
        return not self.findings

    @property
    def codes(self):
        return [f.code for f in self.findings]

    def __str__(self):
        """The report as text. The summary and the pointers are wrapped at 88 columns; a title
        stays on one line, and a link is never broken."""
        seeded = [] if self.seed is None else [f"(random draws seeded with seed={self.seed})"]
        if self.healthy:
            return "\n".join([_wrap(f"No problem found: {self.summary}"), *seeded])
        lines = [f"{len(self.findings)} finding(s), the most likely cause first:"]
        for i, f in enumerate(self.findings, 1):
            evidence = (f"   {e}" for e in f.evidence.splitlines())
            lines += [f"{i}. {f.title}", *evidence]
            lines += [_wrap(f.where, "   look at: ", "            ")]
            lines += [_wrap(f.section, "   read: ", "         "), f"         {f.url}"]
        return "\n".join(lines + seeded)

    __repr__ = __str__

    def _repr_html_(self):
        if self.healthy:
            return f"<p><strong>Healthy.</strong> {str(self)}</p>".replace("\n", "<br>")
        items = "".join(
            f"<li><strong>{f.title}</strong><br>{f.evidence.replace(chr(10), '<br>')}<br>"
            f"look at: {f.where}<br>"
            f'read: <a href="{f.url}">{f.section}</a></li>'
            for f in self.findings
        )
        seeded = "" if self.seed is None else f"<p>(random draws seeded with seed={self.seed})</p>"
        return (
            f"<p>{len(self.findings)} finding(s), the most likely cause first:</p><ol>{items}</ol>"
            + seeded
        )
