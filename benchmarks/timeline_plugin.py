"""Where the test suite's time goes, per pytest-xdist worker and per test file.

As a pytest plugin it appends one JSON line per test (its file, start and end) to
TIMELINE_DIR/<worker>.jsonl; run as a script it prints, for each worker, the files it ran in
order with their start, end and busy seconds, and the worker's total:

    TIMELINE_DIR=/tmp/tl PYTHONPATH=$PWD/code:$PWD/benchmarks .venv/bin/pytest -n 2 \\
        --dist loadfile --no-loadscope-reorder -p no:cacheprovider -p timeline_plugin tests/
    .venv/bin/python benchmarks/timeline_plugin.py /tmp/tl

Seconds are counted from the first test's start (collection comes before it).
"""

import json
import os
import sys
import time
from pathlib import Path

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    start = time.time()
    yield
    folder = Path(os.environ.get("TIMELINE_DIR", "timeline"))
    folder.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    line = {"id": item.nodeid, "file": item.path.name, "start": start, "end": time.time()}
    with open(folder / f"{worker}.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def summary(folder):
    """The lines of the per-worker table for the timeline in `folder`."""
    workers = {}
    for path in folder.glob("*.jsonl"):
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        workers[path.stem] = [r for r in rows if "start" in r]  # one line per test
    workers = {w: rows for w, rows in workers.items() if rows}
    first = min(r["start"] for rows in workers.values() for r in rows)
    lines = []
    for worker, rows in sorted(workers.items()):
        files = {}
        for r in rows:
            f = files.setdefault(r["file"], [r["start"], r["end"], 0.0])
            f[0], f[1] = min(f[0], r["start"]), max(f[1], r["end"])
            f[2] += r["end"] - r["start"]
        lines.append(f"{worker}: busy {sum(f[2] for f in files.values()):.0f} s")
        for name, (start, end, busy) in sorted(files.items(), key=lambda kv: kv[1][0]):
            lines.append(f"  {name:44s} {start - first:7.0f} {end - first:7.0f} {busy:7.1f}")
    return lines


if __name__ == "__main__":
    print("\n".join(summary(Path(sys.argv[1]))))
