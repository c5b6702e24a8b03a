"""Measure the zoo without the doctor: run every program's __main__ as written, and every
buggy program's __main__ with its fix (check_fixes.FIXES), and judge the printed max error.

    PYTHONPATH=$PWD/code .venv/bin/python tests/doctor_blind7/measure.py

Criteria: a healthy program, and a fixed buggy one, fits when every output is within 0.05 of
its target (max error < 0.05); a buggy program fails when some output is 0.4 or more from its
target, or NaN.
"""

import contextlib
import importlib.util
import io
import math
import re
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check_fixes", HERE / "check_fixes.py")
check_fixes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_fixes)


def max_error(name, fixed):
    """The max error that program `name` prints (fixed or as written), and its run time."""
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if fixed:
            check_fixes.run_fixed(name)
        else:
            check_fixes.run_as_written(name)
    seconds = time.perf_counter() - start
    return float(re.findall(r"max error (\S+)", out.getvalue())[-1]), seconds


def main():
    names = sorted(p.stem for p in HERE.glob("[hb]_*.py"))
    counts = {"healthy fits": [0, 0], "buggy fails": [0, 0], "fixed fits": [0, 0]}
    for name in names:
        err, sec = max_error(name, fixed=False)
        if name.startswith("h_"):
            ok = err < 0.05
            counts["healthy fits"][0] += ok
            counts["healthy fits"][1] += 1
            print(f"{name:<36} {err:>6.3f} {sec:4.1f}s  {'fits' if ok else 'DOES NOT FIT'}")
            continue
        bad = math.isnan(err) or err >= 0.4
        counts["buggy fails"][0] += bad
        counts["buggy fails"][1] += 1
        ferr, fsec = max_error(name, fixed=True)
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
    main()
