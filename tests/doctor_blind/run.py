"""Run the doctor on every program of the blind zoo and judge its first finding.

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/run.py > tests/doctor_blind/BASELINE.md
    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/run.py tests/doctor_blind2 \
        > tests/doctor_blind2/BASELINE.md

A second zoo (a folder given as the argument) brings its own `RIGHT` and `GRADIENT_OK` in its
`expected.py`, written with its programs by another blind author.

Each program (`h_*.py` healthy, `b_*.py` with one bug) defines `doctor_case()`, the keyword
arguments of `xl.doctor` built as the field guide teaches, and `EXPECTED`. The doctor's first
finding is sorted into a kind by its code and title (`kind`), and judged:

* healthy program: no finding is **right**; a finding that tells the learner to change a
  correct gradient or update (negate, rescale, "the gradient is wrong") is **harmful**; any
  other finding is a **false alarm**;
* buggy program: no finding is a **miss**; a first finding of a kind in `RIGHT[name]` is
  **right**; one in the program's harmful kinds (`harmful`) is **harmful**; anything else is
  **can't tell** (it saw trouble but not this bug). A crash of the doctor counts as a miss.

`RIGHT` and `GRADIENT_OK` were written with the programs, before the doctor was run on any.
"""

import importlib.util
import math
import re
import sys
import traceback
from pathlib import Path

import xorlab as xl

HERE = Path(__file__).resolve().parent

# The kinds of finding that name each buggy program's bug.
RIGHT = {
    "b_accumulator_never_reset": {"wrong", "scale", "data_factor", "state"},
    "b_adam_g_not_g2": {"step_rule"},
    "b_bias_not_summed": {"shape", "wrong", "scale", "data_factor"},
    "b_bias_update_sign": {"sign", "climbs", "wrong"},
    "b_columns_bias_wrong_axis": {"shape", "wrong", "scale", "data_factor"},
    "b_dead_relu_start": {"stuck"},
    "b_hidden_delta_uses_output": {"data_factor", "wrong"},
    "b_integer_weights": {"dtype"},
    "b_labels_shuffled_apart": {"wrong", "data_factor", "labels"},
    "b_lr_far_too_large": {"lr_large", "diverged"},
    "b_minibatch_divides_by_n": {"scale", "lr_small"},
    "b_missing_hidden_derivative": {"data_factor", "wrong"},
    "b_momentum_double_negation": {"climbs"},
    "b_mse_grad_bce_loss": {"data_factor", "wrong", "printed_loss"},
    "b_mse_missing_two": {"scale", "printed_loss"},
    "b_no_biases": {"no_bias", "not_fit"},
    "b_relu_derivative_value": {"data_factor", "wrong"},
    "b_sign_error_output_delta": {"sign", "climbs"},
    "b_softmax_extra_derivative": {"data_factor", "wrong"},
    "b_stale_hidden_cache": {"wrong", "data_factor", "stale"},
    # EXPECTED's fix allows "print the summed loss": added after the first run (see NOTES)
    "b_sum_not_mean": {"scale", "printed_loss"},
    "b_tanh_sigmoid_derivative": {"data_factor", "wrong"},
    "b_transposed_weight_backward": {"wrong", "data_factor"},
    "b_update_before_backprop": {"wrong", "data_factor", "order"},
    "b_zero_init": {"symmetric", "stuck"},
}
# Buggy programs whose gradient (backward pass, at the start) is right: the bug is in the
# update, the setting or the start. Blaming their gradient is harmful advice.
GRADIENT_OK = {
    "b_adam_g_not_g2",
    "b_dead_relu_start",
    "b_integer_weights",
    "b_lr_far_too_large",
    "b_momentum_double_negation",
    "b_no_biases",
    "b_zero_init",
}
GRADIENT_BLAME = {"sign", "climbs", "scale", "data_factor", "zero", "wrong", "printed_loss"}
# the first pattern that matches "code: title" (lower case) names the kind
KINDS = [
    ("sign", r"^sign_flip|wrong sign"),
    ("scale", r"^constant_scale|constant factor"),
    ("data_factor", r"^data_factor|varies with the data"),
    ("zero", r"^zero_gradient|zero where"),
    ("printed_loss", r"loss you print|printed loss|print.*another function"),
    ("climbs", r"update adds|climbs"),
    ("lr_large", r"learning rate too large|rate is too large"),
    ("lr_small", r"learning rate too small|rate is too small"),
    ("diverged", r"diverg|not finite|nan\b|infinite"),
    ("dtype", r"integer|dtype|truncat"),
    ("shape", r"shape"),
    ("stuck", r"stuck|dead|saturat"),
    ("symmetric", r"symmetric|copies"),
    ("no_bias", r"bias|pinned|all-zero input"),
    ("few_steps", r"too few|more steps"),
    ("not_fit", r"did not fit|never fit"),
    ("stall", r"stall|local minimum"),
    ("plateau", r"plateau|saddle"),
    ("linear", r"linear"),
    ("labels", r"label|shuffl|pair"),
    ("state", r"accumulat|reset|state"),
    ("stale", r"stale|cache"),
    ("order", r"order"),
    ("step_rule", r"update rule|your step|step function|optimi"),
    ("wrong", r"gradient is wrong|wrong in|disagree"),
]


NOTES = """\
## Changes to the judge after the first run

The programs and `EXPECTED` are as written before the doctor was first run. Two judging
rules of `run.py` were corrected after the first run, each changing one verdict:

* `b_momentum_double_negation`: its declared right kind, "update climbs", was also in the
  harmful kinds of programs whose gradient is right, and the harmful test came first
  (first run: harmful; now: right).
* `b_sum_not_mean`: its `EXPECTED` fix reads "divide the output error by len(X) (or print
  the summed loss)", but `RIGHT` listed only the constant factor; the finding "your
  gradient is the summed BCE's, the loss you print is another function" names the second
  fix (first run: harmful; now: right).

One rule was added later, when the doctor learned to say so: a first finding "cannot_tell"
(outside what it can diagnose) is judged "can't tell", a miss, never a false alarm.
"""


def kind(finding):
    text = f"{finding.code}: {finding.title}".lower()
    for name, pattern in KINDS:
        if re.search(pattern, text):
            return name
    return "other"


def harmful(name, healthy, right, gradient_ok):
    if healthy:
        return GRADIENT_BLAME
    if name in gradient_ok:
        return GRADIENT_BLAME - right[name]  # the first run lacked "- right[name]" (NOTES)
    bug_kinds = right[name]
    bad = set() if bug_kinds & {"sign", "climbs"} else {"sign", "climbs"}
    if "printed_loss" not in bug_kinds:
        bad.add("printed_loss")  # "the gradient is fine" about a wrong gradient
    return bad


def judge(name, expected, findings, right=RIGHT, gradient_ok=GRADIENT_OK):
    healthy = expected["healthy"]
    if findings is None:
        return "miss (crash)"
    if not findings:
        return "right" if healthy else "miss"
    if findings[0].code == "cannot_tell":  # an honest "outside what I can diagnose": a miss
        return "can't tell"
    first = kind(findings[0])
    if first in harmful(name, healthy, right, gradient_ok):
        return "harmful"
    if healthy:
        return "false alarm"
    return "right" if first in right[name] else "can't tell"


def wilson(k, n, z=1.959963984540054):
    """95% Wilson score interval for k successes in n trials (written here, not xorlab's)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def load(path):
    spec = importlib.util.spec_from_file_location(f"blind_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main(folder=HERE):
    right, gradient_ok = RIGHT, GRADIENT_OK
    if folder != HERE:
        own = load(folder / "expected.py")
        right, gradient_ok = own.RIGHT, own.GRADIENT_OK
    paths = sorted(folder.glob("[hb]_*.py"))
    rows = []
    for path in paths:
        program = load(path)
        expected = program.EXPECTED
        try:
            findings = xl.doctor(**program.doctor_case()).findings
            first = findings[0] if findings else None
            said = "healthy" if first is None else f"`{first.code}` {first.title}"
            first_kind = "-" if first is None else kind(first)
            anywhere = any(kind(f) in right.get(path.stem, set()) for f in findings)
        except Exception as error:  # a crash is a verdict too
            findings, first_kind, anywhere = None, "crash", False
            said = f"crash: {type(error).__name__}: {error}"
            traceback.print_exc(file=sys.stderr)
        verdict = judge(path.stem, expected, findings, right, gradient_ok)
        rows.append((path.stem, expected, said, first_kind, anywhere, verdict))
        print(f"{path.stem}: {verdict}", file=sys.stderr, flush=True)

    print("# The doctor on the blind zoo: baseline\n")
    print(
        f"{len(rows)} programs written without reading xorlab's code (tests/{folder.name}/), "
        "adapted as the field guide teaches; `run.py` produced this page. Kind: the class "
        "`run.py` sorts the first finding into; right anywhere: a later finding names the bug.\n"
    )
    print("| program | expected | doctor's first finding | kind | verdict | right anywhere |")
    print("|---|---|---|---|---|---|")
    for name, expected, said, first_kind, anywhere, verdict in rows:
        wanted = "healthy" if expected["healthy"] else cell(expected["bug"])
        print(
            f"| {name} | {wanted} | {cell(said)} | {first_kind} | {verdict} | "
            f"{'yes' if anywhere else ''} |"
        )
    if folder == HERE:
        print("\n" + NOTES)
    print("## Totals (95% Wilson intervals)\n")
    groups = [
        ("all programs", rows),
        ("healthy programs", [r for r in rows if r[1]["healthy"]]),
        ("buggy programs", [r for r in rows if not r[1]["healthy"]]),
    ]
    print("| group | n | verdict | count | share | 95% interval |")
    print("|---|---|---|---|---|---|")
    for label, group in groups:
        verdicts = ["right", "miss", "miss (crash)", "can't tell", "false alarm", "harmful"]
        for verdict in verdicts:
            k = sum(r[5] == verdict for r in group)
            if k == 0 and verdict != "right":
                continue
            lo, hi = wilson(k, len(group))
            print(
                f"| {label} | {len(group)} | {verdict} | {k} | {k / len(group):.2f} | "
                f"{lo:.2f}-{hi:.2f} |"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE)
