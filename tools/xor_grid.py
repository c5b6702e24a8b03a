"""The big XOR grid of chapter "Two hidden sigmoid units vs tanh": how often a 2-h-1 network
learns XOR, by hidden activation, width, learning rate, epoch budget, and buggy vs fixed gradient.

    .venv/bin/python -m tools.xor_grid [--n 10000] [--out code/xorlab/tables/xor_grid.csv]

Every setting re-creates the program from the chapter's seed question: sigmoid output, mean
squared error, full-batch gradient descent, biases starting at 0, weights drawn from
N(0, s^2) with the question's std s = sqrt(2 / (2 + h)) (times 2 for tanh, sqrt(2) for ReLU)
for both layers. "buggy" switches on the question's two faults (missing_output_derivative and
sigmoid_derivative_for_tanh); "fixed" is the exact gradient.

Each setting is trained once, for the longest budget, with `xl.train_many(n, ...)` (network i
from seed i). Two measures are written, one row each:
  solved_by    for each budget E: the fraction of networks whose four outputs were all on the
               right side of 0.5 at some epoch <= E (`epochs_to_solve <= E`);
  right_at_end for the longest budget only: the fraction right on all four at its last epoch.
A network can be solved by E and wrong later (a wrong gradient can walk it out again), so
right_at_end can be lower than solved_by at the same E. Intervals are 95% Wilson intervals.
"""

import argparse
import csv
import itertools
import time

import numpy as np

import xorlab as xl

HIDDEN = ("sigmoid", "tanh", "relu")
UNITS = (2, 3, 4)
LRS = (0.4, 1.6, 6.4)
BUDGETS = (500, 1000, 2000, 5000)
GAIN = {"sigmoid": 1.0, "tanh": 2.0, "relu": np.sqrt(2.0)}
BUGS = ("missing_output_derivative", "sigmoid_derivative_for_tanh")
FIELDS = (
    "hidden",
    "units",
    "lr",
    "gradient",
    "measure",
    "epochs",
    "n",
    "solved",
    "rate",
    "lo",
    "hi",
)


def question_std(hidden, units):
    """The question's init std for both layers: sqrt(2 / (inputs + hidden)) times a gain."""
    return float(GAIN[hidden] * np.sqrt(2.0 / (2 + units)))


def run_setting(n, hidden, units, lr, gradient):
    """Train n networks for max(BUDGETS) epochs; return the CSV rows of this setting."""
    with np.errstate(all="ignore"):  # buggy ReLU runs overflow; they count as failures
        r = xl.train_many(
            n,
            (2, units, 1),
            hidden=hidden,
            loss="mse",
            lr=lr,
            epochs=max(BUDGETS),
            init="normal",
            init_scale=question_std(hidden, units),
            seed=0,
            faults=BUGS if gradient == "buggy" else (),
        )
    counts = [("solved_by", e, int(np.sum(r.epochs_to_solve <= e))) for e in BUDGETS]
    counts.append(("right_at_end", max(BUDGETS), int(r.success.sum())))
    rows = []
    for measure, epochs, k in counts:
        lo, hi = xl.wilson_interval(k, n)
        rows.append(
            (
                hidden,
                units,
                lr,
                gradient,
                measure,
                epochs,
                n,
                k,
                f"{k / n:.4f}",
                f"{lo:.4f}",
                f"{hi:.4f}",
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="networks (seeds) per setting")
    parser.add_argument("--out", default="code/xorlab/tables/xor_grid.csv")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = []
    for setting in itertools.product(HIDDEN, UNITS, LRS, ("buggy", "fixed")):
        rows += run_setting(args.n, *setting)
        print(*setting, rows[-1][-3], f"{time.perf_counter() - start:.0f} s", flush=True)
    with open(args.out, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
