"""Measure a blind zoo without the doctor: run every program's __main__ as written, and every
buggy program's __main__ with its fix (the text replacements in the zoo's
`check_fixes.FIXES`), and judge the max error each prints.

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind6
    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind/measure.py tests/doctor_blind6 \
        b_momentum_typed_9   # print what one fixed program prints

Criteria: a healthy program, and a fixed buggy one, fits when every output is within 0.05 of
its target (max error < 0.05); a buggy program fails when some output is 0.4 or more from its
target, or NaN.
"""

import contextlib
import importlib.util
import io
import math
import re
import runpy
import sys
import tempfile
import time
import warnings
from pathlib import Path


def fixes(zoo):
    """{program: [(old text, new text), ...]}: the zoo's `check_fixes.FIXES`."""
    spec = importlib.util.spec_from_file_location("check_fixes", zoo / "check_fixes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.FIXES


def run(zoo, name, fix=None):
    """Run program `name` of `zoo` as its __main__: as written, or with the replacements
    `fix` applied to a temporary copy."""
    src = (zoo / f"{name}.py").read_text()
    for old, new in fix or []:
        if old not in src:
            raise SystemExit(f"{name}: the text to replace is gone: {old!r}")
        src = src.replace(old, new)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.py"
        path.write_text(src)
        runpy.run_path(str(path), run_name="__main__")


def max_error(zoo, name, fix=None):
    """The last max error program `name` prints (as written, or with `fix`), and its time."""
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run(zoo, name, fix)
    seconds = time.perf_counter() - start
    return float(re.findall(r"max error (\S+)", out.getvalue())[-1]), seconds


def main(zoo):
    """Print each program's verdict and the three counts."""
    fixed = fixes(zoo)
    counts = {"healthy fits": [0, 0], "buggy fails": [0, 0], "fixed fits": [0, 0]}
    for name in sorted(p.stem for p in zoo.glob("[hb]_*.py")):
        err, sec = max_error(zoo, name)
        if name.startswith("h_"):
            ok = err < 0.05
            counts["healthy fits"][0] += ok
            counts["healthy fits"][1] += 1
            print(f"{name:<36} {err:>6.3f} {sec:4.1f}s  {'fits' if ok else 'DOES NOT FIT'}")
            continue
        bad = math.isnan(err) or err >= 0.4
        counts["buggy fails"][0] += bad
        counts["buggy fails"][1] += 1
        ferr, fsec = max_error(zoo, name, fixed[name])
        fits = ferr < 0.05
        counts["fixed fits"][0] += fits
        counts["fixed fits"][1] += 1
        print(
            f"{name:<36} {err:>6.3f} {sec:4.1f}s  {'fails' if bad else 'DOES NOT FAIL'};"
            f" fixed {ferr:.3f} {fsec:4.1f}s {'fits' if fits else 'DOES NOT FIT'}"
        )
    for label, (k, n) in counts.items():
        print(f"{label}: {k}/{n}")


if __name__ == "__main__":
    folder = Path(sys.argv[1]).resolve()
    if len(sys.argv) > 2:
        for program in sys.argv[2:]:
            print(f"{program} (fixed):")
            run(folder, program, fixes(folder)[program])
    else:
        main(folder)
