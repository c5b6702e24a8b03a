"""The stuck-at-0.5 question's program, unclipped, over many seeds: the table of its outcomes.

    .venv/bin/python -m tools.stuck_question [--n 1000] [--out PATH]

(PATH defaults to code/xorlab/tables/stuck_question.csv.)

For each setting of `xorlab.cases.stuck_at_half.ROWS` (the question's program and the changes
the chapter
"Stuck at 0.5" discusses), trains seeds 0 to n - 1 with
`xorlab.cases.stuck_at_half.train_question`, the
question's own arithmetic with no clipping, and writes one row per setting: the outcome of
every seed as one letter ("n" NaN, "s" stuck at 0.5, "v" solved, "o" other). About 4 minutes
for n = 1000 on one core (the three 10,000-epoch rows take most of it).
"""

import argparse
import csv
import time

from xorlab.cases import stuck_at_half as recreate

FIELDS = ("setting", "seeds", "nan", "stuck", "solved", "other", "outcomes")


def row(name, n):
    """One CSV row for setting `name`: counts per outcome and the letters of every seed."""
    runs = recreate.train_question(n=n, **recreate.ROWS[name])
    counts = {o: int((runs.outcome == o).sum()) for o in recreate.OUTCOMES}
    letters = "".join(recreate.CODES[o] for o in runs.outcome)
    return {"setting": name, "seeds": n, **counts, "outcomes": letters}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", default="code/xorlab/tables/stuck_question.csv")
    args = parser.parse_args()
    rows = []
    for name in recreate.ROWS:
        start = time.perf_counter()
        rows.append(row(name, args.n))
        print(f"{name:<22} {time.perf_counter() - start:6.1f} s", flush=True)
    with open(args.out, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
