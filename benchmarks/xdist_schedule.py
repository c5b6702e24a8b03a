"""How `make test`'s two workers would share the test files, from measured per-test times.

    PYTHONPATH=$PWD/code .venv/bin/pytest --co -q -p no:cacheprovider tests/ > /tmp/ids.txt
    PYTHONPATH=$PWD/code .venv/bin/python benchmarks/xdist_schedule.py /tmp/tl /tmp/ids.txt

/tmp/tl is a timeline written by benchmarks/timeline_plugin.py. The tests are ordered as
tests/conftest.py orders them (SLOW_FIRST), grouped by file, and handed out as pytest-xdist
3.8 does with `--dist loadfile --no-loadscope-reorder`: each worker gets one file, then another
whenever at most 2 of its tests are left. Prints each worker's busy seconds and its files.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def durations(folder):
    """{test id: seconds} from a timeline folder."""
    found = {}
    for path in Path(folder).glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "start" in row:
                found[row["id"]] = row["end"] - row["start"]
    return found


def units(ids, seconds, slow_first):
    """[(file, [seconds of each test])] in the order the workers are offered them."""
    rank = {name: i for i, name in enumerate(slow_first)}
    ids = sorted(ids, key=lambda i: rank.get(Path(i.split("::")[0]).name, len(rank)))
    grouped = {}
    for test in ids:
        grouped.setdefault(Path(test.split("::")[0]).name, []).append(seconds.get(test, 0.0))
    return list(grouped.items())


def schedule(work, workers=2):
    """[(busy seconds, [files])] per worker, for `work` as `units` gives it."""
    queue = list(work)
    nodes = [{"t": 0.0, "left": [], "files": []} for _ in range(workers)]

    def give(node):
        if queue and len(node["left"]) <= 2:
            name, tests = queue.pop(0)
            node["left"] += tests
            node["files"].append(name)

    for node in nodes:
        give(node)
    for node in nodes:
        give(node)
    while any(node["left"] for node in nodes):
        node = min((n for n in nodes if n["left"]), key=lambda n: n["t"] + n["left"][0])
        node["t"] += node["left"].pop(0)
        give(node)
    return [(node["t"], node["files"]) for node in nodes]


def main(folder, ids_file):
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from conftest import SLOW_FIRST

    ids = [line.strip() for line in Path(ids_file).read_text().splitlines() if "::" in line]
    for busy, files in schedule(units(ids, durations(folder), SLOW_FIRST)):
        print(f"busy {busy:.0f} s: {', '.join(files)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
