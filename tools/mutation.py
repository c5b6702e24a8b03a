"""A small mutation tester for xorlab's core: do the unit tests fail when the code is wrong?

    python tools/mutation.py [MODULE ...]          # default: every module in TARGETS
    python tools/mutation.py --list stats          # print the mutants, run nothing

Each mutant is one small, realistic change to one module (a + for a -, a < for a <=, an `and`
for an `or`, a constant nudged, a sign dropped, True for False). The module's own test files
run against a copy of the package holding that one change; the mutant is *killed* when a test
fails (or the run times out). Survivors judged equivalent (no test could tell them apart, as
the program's behaviour is unchanged) are listed in tools/mutation_survivors.md with a reason,
keyed by module, line and change; the kill rate is printed over the others.

It is a tool to run (`make mutation`), not part of `make test`: on two cores it takes a while.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "code" / "xorlab"
SURVIVORS = ROOT / "tools" / "mutation_survivors.md"

TARGETS = {
    "stats": [
        "tests/test_stats.py",
        "tests/test_bad_input.py::test_wilson_refuses_impossible_arguments",
    ],
    "losses": ["tests/test_core_numerics.py"],
    "activations": ["tests/test_core_numerics.py"],
    "data": ["tests/test_data.py"],
    "_validate": ["tests/test_bad_input.py"],
    "faults": ["tests/test_faults.py", "tests/test_mlp.py"],
    "gradcheck": ["tests/test_gradcheck.py"],
    "mlp": ["tests/test_mlp.py", "tests/test_faults.py", "tests/test_bad_input.py"],
    "train": ["tests/test_training.py", "tests/test_bad_input.py"],
    "batched": ["tests/test_training.py", "tests/test_data.py", "tests/test_bad_input.py"],
}

SWAPS = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.Pow: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.And: ast.Or,
    ast.Or: ast.And,
}


def _docstrings(tree):
    """ids of the string constants that are docstrings (never mutated)."""
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _sites(tree):
    """Every mutable site: (node, field, description), in source order."""
    skip = _docstrings(tree)
    inside_fstring = {
        id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)
    }
    sites = []
    for node in ast.walk(tree):
        if id(node) in inside_fstring or id(node) in skip:
            continue
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in SWAPS:
            new = SWAPS[type(node.op)].__name__
            sites.append((node, "op", f"{type(node.op).__name__} -> {new}"))
        elif isinstance(node, ast.BoolOp):
            sites.append(
                (node, "op", f"{type(node.op).__name__} -> {SWAPS[type(node.op)].__name__}")
            )
        elif isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    sites.append(
                        (node, ("ops", k), f"{type(op).__name__} -> {SWAPS[type(op)].__name__}")
                    )
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
            sites.append((node, "drop", f"drop {type(node.op).__name__}"))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float, bool):
            v = node.value
            new = (
                (not v) if isinstance(v, bool) else (v + 1 if isinstance(v, int) else v * 2 or 1.0)
            )
            sites.append((node, ("value", new), f"{v!r} -> {new!r}"))
    sites.sort(key=lambda s: (s[0].lineno, s[0].col_offset, s[2]))
    return sites


class _Drop(ast.NodeTransformer):
    def __init__(self, target):
        self.target = target

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        return node.operand if node is self.target else node


def mutant_source(source, index):
    """(source with mutation `index` applied, line, description)."""
    tree = ast.parse(source)
    node, field, what = _sites(tree)[index]
    if field == "op":
        node.op = SWAPS[type(node.op)]()
    elif field == "drop":
        tree = _Drop(node).visit(tree)
    elif field[0] == "ops":
        node.ops[field[1]] = SWAPS[type(node.ops[field[1]])]()
    else:
        node.value = field[1]
    return ast.unparse(ast.fix_missing_locations(tree)), node.lineno, what


def _known_equivalent():
    """{(module, line, change)} listed in the survivors file as equivalent."""
    if not SURVIVORS.exists():
        return set()
    rows = re.findall(r"^\| `(\w+)` \| (\d+) \| `([^`]+)` \|", SURVIVORS.read_text(), re.M)
    return {(m, int(line), what) for m, line, what in rows}


def _run_tests(tests, pythonpath, timeout):
    env = {**os.environ, "PYTHONPATH": str(pythonpath), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "--noconftest",
        *tests,
    ]
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    return "passed" if done.returncode == 0 else "failed"


def mutate_module(name, tests, listing=False):
    """Run every mutant of module `name`; return (killed, survivors as (line, what))."""
    source = (PACKAGE / f"{name}.py").read_text()
    count = len(_sites(ast.parse(source)))
    if listing:
        for i in range(count):
            print(name, *mutant_source(source, i)[1:])
        return 0, []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "xorlab"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        start = time.perf_counter()
        if _run_tests(tests, tmp, None) != "passed":
            raise SystemExit(f"{name}: the tests fail on unchanged code; fix them first")
        timeout = 3 * (time.perf_counter() - start) + 10
        killed, survivors = 0, []
        for i in range(count):
            text, line, what = mutant_source(source, i)
            (copy / f"{name}.py").write_text(text)
            outcome = _run_tests(tests, tmp, timeout)
            if outcome == "passed":
                survivors.append((line, what))
            else:
                killed += 1
            print(f"  {name}:{line} {what}: {outcome}", flush=True)
        (copy / f"{name}.py").write_text(source)
    return killed, survivors


def main(argv):
    listing = "--list" in argv
    names = [a for a in argv if not a.startswith("--")] or list(TARGETS)
    equivalent = _known_equivalent()
    total_killed = total_real = 0
    lines = []
    for name in names:
        killed, survivors = mutate_module(name, TARGETS[name], listing)
        if listing:
            continue
        judged = [s for s in survivors if (name, *s) in equivalent]
        real = [s for s in survivors if (name, *s) not in equivalent]
        considered = killed + len(real)
        total_killed, total_real = total_killed + killed, total_real + considered
        rate = killed / considered if considered else 1.0
        lines.append(
            f"{name:12s} killed {killed:4d} of {considered:4d} non-equivalent "
            f"({100 * rate:5.1f}%), {len(judged)} judged equivalent"
        )
        for line, what in real:
            lines.append(f"    survived: {name}.py:{line} {what}")
    if not listing:
        print("\n".join(lines))
        rate = total_killed / total_real if total_real else 1.0
        print(
            f"kill rate: {total_killed} of {total_real} non-equivalent mutants ({100 * rate:.1f}%)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
