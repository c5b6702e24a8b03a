"""The zoo: small numpy programs written the way learners write them, to measure the doctor.

Each program is a few lines of its own (a class that updates its weights in place, plain
functions, samples as columns, per-sample, random-order and mini-batch loops, softmax outputs,
wrong printed losses, integer arrays, broadcasting slips, too few epochs, ...), none generated
by `xorlab.cases.field_guide` or the fault mechanism. Each is registered with the finding codes
the doctor
must give: at least one of `required` (an empty `required` means no finding at all), and
nothing outside `required | allowed`.

    from xorlab.doctor import zoo
    verdicts = zoo.evaluate()          # [(name, finding codes), ...]
    zoo.score(verdicts)                # precision, recall and their Wilson intervals

A few programs are *blind spots*: a real bug the doctor cannot see by design (wrong labels; a
factor in one layer's gradient whose run still trains, which is a rate of that layer's own).
They are kept apart (`blind=True`), expected
to get no finding, and left out of the score. `stored_verdicts()` reads the verdicts of the
current doctor and of the doctor before the zoo existed, saved by `python -m xorlab.doctor.zoo`
(the test suite checks that the saved current verdicts are still what the doctor says).
"""

import json
import pathlib
from dataclasses import dataclass

from .. import scoring
from ..report import doctor as _doctor

PROGRAMS = {}

# what a wrong gradient may fairly bring along: the training trouble it causes
TROUBLE = frozenset(
    {"rising", "lr_too_large", "diverged", "flat", "too_few_steps", "stuck_units", "cannot_fit"}
)


@dataclass(frozen=True)
class Program(scoring.Expected):
    """One learner program: its `name`, `style` (how it is written), `bug` (in words; "" for a
    correct program), the finding codes `required` and `allowed`, and `build()` -> the keyword
    arguments of `xorlab.doctor.report` for it, written as its author would write them."""

    name: str
    style: str
    bug: str
    required: frozenset
    allowed: frozenset
    build: object
    blind: bool = False


def program(style, required=(), allowed=(), blind=False):
    """Register the decorated `build` function as a zoo program named after it; its
    docstring's first line says what is wrong (or "Correct: ..."); `blind`: a bug the doctor
    cannot see by design."""

    def register(build):
        doc = (build.__doc__ or "").strip().splitlines()[0]
        bug = "" if doc.startswith("Correct") else doc
        PROGRAMS[build.__name__] = Program(
            build.__name__, style, bug, frozenset(required), frozenset(allowed), build, blind
        )
        return build

    return register


def evaluate(names=None, doctor=None):
    """Run the doctor on each program (all by default); returns [(name, codes), ...]."""
    doctor = doctor or _doctor
    names = list(PROGRAMS) if names is None else list(names)
    unknown = [n for n in names if n not in PROGRAMS]
    if unknown:
        raise ValueError(f"unknown zoo program(s) {unknown}; see zoo.PROGRAMS")
    return [(n, doctor(**PROGRAMS[n].build()).codes) for n in names]


def score(verdicts):
    """Score `verdicts` [(name, codes), ...] against the programs' expected findings: a
    `scoring.Score`. Blind spots are left out; a verdict of None (the doctor crashed) counts
    as a miss."""
    return scoring.score([(PROGRAMS[n], c) for n, c in verdicts if not PROGRAMS[n].blind])


VERDICTS = pathlib.Path(__file__).with_name("verdicts.json")


def stored_verdicts():
    """{"doctor": [(name, codes)], "before": [(name, codes or None)], "before_commit": str}:
    the saved verdicts of the current doctor and of the doctor before the zoo."""
    data = json.loads(VERDICTS.read_text())
    for key in ("doctor", "before"):
        data[key] = [(n, c) for n, c in data[key]]
    return data


from . import classes, functional, layouts, printed, training  # noqa: E402, F401  (register)
