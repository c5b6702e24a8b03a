"""A small mutation tester for xorlab's core: do the unit tests fail when the code is wrong?

    python tools/mutation.py [MODULE ...]          # default: every module in TARGETS
    python tools/mutation.py --list stats          # print the mutants, run nothing

Each mutant is one small, realistic change to one module (a + for a -, a < for a <=, an `and`
for an `or`, a constant nudged, a sign dropped, True for False). One child process per module
loads the package and its test files once; for each mutant it swaps the changed code into the
loaded functions in place (so every reference sees it), runs the tests with pytest, and
restores the original. The mutant is *killed* when a test fails (or runs past 120 s).
Survivors judged equivalent (no test could tell them apart, as
the program's behaviour is unchanged) are listed in tools/mutation_survivors.md with a reason,
keyed by module, line and change; the kill rate is printed over the others.

It is a tool to run (`make mutation`), not part of `make test`: on two cores it takes a while.
"""

import ast
import contextlib
import os
import re
import signal
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "code" / "xorlab"
SURVIVORS = ROOT / "tools" / "mutation_survivors.md"

TARGETS = {
    "stats": ["tests/test_stats.py"],
    "losses": ["tests/test_losses.py", "tests/test_bad_input.py"],
    "activations": ["tests/test_activations.py"],
    "data": ["tests/test_data.py", "tests/test_bad_input.py"],
    "_validate": [
        "tests/test_validate.py",
        "tests/test_mlp.py",
        "tests/test_gradcheck.py",
        "tests/test_train.py",
        "tests/test_batched.py",
        "tests/test_bad_input.py",
    ],
    "faults": ["tests/test_faults.py", "tests/test_mlp.py"],
    "gradcheck": ["tests/test_gradcheck.py", "tests/test_validate.py", "tests/test_bad_input.py"],
    "mlp": [
        "tests/test_mlp.py",
        "tests/test_faults.py",
        "tests/test_validate.py",
        "tests/test_bad_input.py",
    ],
    "train": ["tests/test_train.py", "tests/test_validate.py", "tests/test_bad_input.py"],
    "batched": [
        "tests/test_batched.py",
        "tests/test_data.py",
        "tests/test_train.py",
        "tests/test_validate.py",
        "tests/test_parallel.py",
    ],
    "parallel": ["tests/test_parallel.py"],
    "checks": ["tests/test_checks.py", "tests/test_checks_hypothesis.py"],
    # quick tests first: pytest stops at the first failure, and the zoo in test_doctor is slow
    "adapter": ["tests/test_adapter.py", "tests/test_doctor.py"],
    "doctor": [
        "tests/test_doctor_thresholds.py",
        "tests/test_bad_input.py",
        "tests/test_adapter.py",
        "tests/test_doctor.py",
    ],
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


def _unwrapped(pairs):
    """(old, new) pairs of functions, with classmethods and properties opened and decorated
    functions followed down their `__wrapped__` chain (a decorator's wrapper keeps the original
    function in a closure: without this, mutants inside a decorated function never run)."""
    out = []
    for o, n in pairs:
        o = getattr(o, "__func__", getattr(o, "fget", o))  # classmethods, properties
        n = getattr(n, "__func__", getattr(n, "fget", n))
        while isinstance(o, types.FunctionType) and isinstance(n, types.FunctionType):
            out.append((o, n))
            o, n = getattr(o, "__wrapped__", None), getattr(n, "__wrapped__", None)
    return out


def _patch(module, source):
    """Make `module` behave as `source`: every function (also in classes) gets the new code,
    defaults and closure-free body in place, so references held elsewhere see the change; the
    other globals are replaced. Returns an undo function."""
    fresh = dict(vars(module))
    exec(compile(source, module.__file__, "exec"), fresh)
    saved, undo, undo_tables = {}, [], []
    for name, new in fresh.items():
        old = vars(module).get(name)
        pairs = [(old, new)]
        if isinstance(old, type) and isinstance(new, type):
            pairs = [(vars(old).get(k), v) for k, v in vars(new).items()]
        for o, n in _unwrapped(pairs):
            if isinstance(o, types.FunctionType) and isinstance(n, types.FunctionType):
                if o.__code__.co_freevars == n.__code__.co_freevars:
                    undo.append((o, o.__code__, o.__defaults__, o.__kwdefaults__))
                    o.__code__, o.__defaults__, o.__kwdefaults__ = (
                        n.__code__,
                        n.__defaults__,
                        n.__kwdefaults__,
                    )
        plain = not isinstance(old, (types.FunctionType, type, types.ModuleType))
        if isinstance(old, dict) and isinstance(new, dict) and old is not new:
            # tables such as ACTIVATIONS are imported by name elsewhere: change them in place
            undo_tables.append((old, dict(old)))
            old.clear()
            old.update(new)
        elif plain and name in vars(module):
            saved[name] = old
            setattr(module, name, new)

    def restore():
        for o, code, defaults, kwdefaults in undo:
            o.__code__, o.__defaults__, o.__kwdefaults__ = code, defaults, kwdefaults
        for name, old in saved.items():
            setattr(module, name, old)
        for table, contents in undo_tables:
            table.clear()
            table.update(contents)

    return restore


def _run_inside(tests):
    """pytest in this process: "passed" or "failed"."""
    import pytest

    args = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:nbval", "--noconftest", *tests]
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        code = pytest.main(args)
    return "passed" if code == 0 else "failed"


def _worker(name, tests):
    """Child process: load the package and the tests once, then try every mutant in place."""
    import importlib

    import numpy as np

    np.seterr(all="ignore")
    module = importlib.import_module(f"xorlab.{name}")
    source = (PACKAGE / f"{name}.py").read_text()
    if _run_inside(tests) != "passed":
        raise SystemExit(f"{name}: the tests fail on unchanged code; fix them first")
    for i in range(len(_sites(ast.parse(source)))):
        text, line, what = mutant_source(source, i)
        try:
            restore = _patch(module, text)
        except Exception:  # the mutant does not even load (e.g. a dataclass default): killed
            print(f"RESULT\t{line}\t{what}\tfailed", flush=True)
            continue
        signal.alarm(120)
        try:
            outcome = _run_inside(tests)
        except TimeoutError:
            outcome = "timeout"
        finally:
            signal.alarm(0)
            restore()
        print(f"RESULT\t{line}\t{what}\t{outcome}", flush=True)


def _alarm(signum, frame):
    raise TimeoutError


def mutate_module(name, tests, listing=False):
    """Run every mutant of module `name`; return (killed, survivors as (line, what))."""
    source = (PACKAGE / f"{name}.py").read_text()
    if listing:
        for i in range(len(_sites(ast.parse(source)))):
            print(name, *mutant_source(source, i)[1:])
        return 0, []
    command = [sys.executable, __file__, "--worker", name, *tests]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    killed, survivors, other = 0, [], []
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as worker:
        for row in worker.stdout:  # streamed: progress shows as the mutants run
            if not row.startswith("RESULT\t"):
                other = [*other[-40:], row]
            else:
                _, line, what, outcome = row.rstrip("\n").split("\t")
                print(f"  {name}:{line} {what}: {outcome}", flush=True)
                if outcome == "passed":
                    survivors.append((int(line), what))
                else:
                    killed += 1
    if worker.returncode:
        raise SystemExit("".join(other))
    return killed, survivors


def main(argv):
    if argv[:1] == ["--worker"]:
        signal.signal(signal.SIGALRM, _alarm)
        return _worker(argv[1], argv[2:])
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
