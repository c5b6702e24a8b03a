"""How often the answer to the chain-rule question learns XOR at its own settings.

    .venv/bin/python -m tools.chain_answer [--n 200] [--out code/xorlab/tables/chain_answer.csv]

The answer's program: a 2-2-1 sigmoid network with biases, weights from a standard normal,
the cost (p - y)^2 / 2 (xorlab's `loss="mse"` at half the rate), one sample at a time, the
output weights updated before the hidden error is computed (the answer's order), learning
rate 0.01, up to 100,000 passes. Trains seeds 0 to n - 1 once with
`xorlab.cases.chain_rule.train_online` and writes, for each budget, how many had all four
outputs right at some pass within it. About 3 minutes of CPU for n = 200; the chapter reads
the table.
"""

import argparse
import csv

import numpy as np

from xorlab.cases import chain_rule as online

BUDGETS = (1000, 10000, 100000)
FIELDS = ("passes", "seeds", "solved")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--out", default="code/xorlab/tables/chain_answer.csv")
    args = parser.parse_args()
    runs = online.train_online(args.n, loss="mse", lr=0.005, epochs=BUDGETS[-1], init="normal")
    with open(args.out, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for budget in BUDGETS:
            solved = int(np.sum(runs.epochs_to_solve <= budget))
            writer.writerow({"passes": budget, "seeds": args.n, "solved": solved})
            print(f"{budget:>7} passes: {solved} of {args.n} solved", flush=True)


if __name__ == "__main__":
    main()
