"""How right the doctor is on programs whose bugs are known: each program's `Expected`
findings, and the `score` of verdicts against them (precision and recall with their Wilson
intervals). The zoo and the field guide's planted bugs are scored the same way."""

from dataclasses import dataclass

from ..core.stats import wilson_interval
from .causes import UNSURE


class Expected:
    """A mixin for a program whose bug is known, with finding codes `required` (at least one
    must be found; an empty `required` means no finding at all) and `allowed` (also fair,
    e.g. the training trouble a wrong gradient causes)."""

    def fair(self, code):
        """True when the finding `code` belongs to this program's bug."""
        return code in self.required | self.allowed

    def ok(self, codes):
        """True when the finding `codes` diagnose this program correctly."""
        found = set(codes)
        if not self.required:
            return not found
        return bool(found & self.required) and all(self.fair(c) for c in found)


@dataclass
class Score:
    """Precision (fair findings / all findings) and recall (programs diagnosed correctly / all),
    each with its counts and 95% Wilson interval; `unsure`: programs where the doctor said it
    cannot tell (each a miss, and no finding)."""

    fair: int
    findings: int
    hits: int
    programs: int
    unsure: int = 0

    @property
    def precision(self):
        return self.fair / self.findings if self.findings else 1.0

    @property
    def recall(self):
        return self.hits / self.programs

    def intervals(self):
        """((lo, hi) for precision, (lo, hi) for recall)."""
        prec = wilson_interval(self.fair, self.findings) if self.findings else (0.0, 1.0)
        return prec, wilson_interval(self.hits, self.programs)

    def __str__(self):
        (pl, ph), (rl, rh) = self.intervals()
        return (
            f"precision {self.precision:.2f} ({self.fair}/{self.findings} findings fair, "
            f"95% CI {pl:.2f}-{ph:.2f}); recall {self.recall:.2f} ({self.hits}/{self.programs} "
            f"programs right, 95% CI {rl:.2f}-{rh:.2f})"
            + (f"; cannot tell on {self.unsure}" if self.unsure else "")
        )


def score(verdicts):
    """Score `verdicts` [(Expected, codes), ...]: a `Score`. Codes of None (the doctor
    crashed) count as a miss; so does a "cannot tell" (`causes.UNSURE`), which is never counted
    as a finding (not an alarm)."""
    if not verdicts:
        raise ValueError("verdicts is empty: run the doctor on at least one program")
    fair = findings = hits = unsure = 0
    for expected, codes in verdicts:
        if codes is None:
            continue
        named = [c for c in codes if c not in UNSURE]
        fair += sum(expected.fair(c) for c in named)
        findings += len(named)
        if len(named) < len(codes):
            unsure += 1
            continue
        hits += expected.ok(codes)
    return Score(fair, findings, hits, len(verdicts), unsure)
